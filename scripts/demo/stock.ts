/**
 * Stock of one product as lots with a sell-by day, sold first-expiring-first-out.
 * Non-perishable lots never expire.
 */
export interface Lot {
  quantity: number;
  /** First day the lot can no longer be sold. */
  expiryDay: number;
}

export class ProductStock {
  private lots: Lot[] = [];

  get onHand(): number {
    let total = 0;
    for (const lot of this.lots) total += lot.quantity;
    return total;
  }

  /** Units that will still be sellable on `day`. */
  sellableOn(day: number): number {
    let total = 0;
    for (const lot of this.lots) if (lot.expiryDay > day) total += lot.quantity;
    return total;
  }

  receive(quantity: number, expiryDay: number): void {
    if (quantity <= 0) return;
    this.lots.push({ quantity, expiryDay });
    this.lots.sort((a, b) => a.expiryDay - b.expiryDay);
  }

  /** Removes lots whose sell-by day has come; returns the units thrown away. */
  expire(day: number): number {
    let wasted = 0;
    this.lots = this.lots.filter((lot) => {
      if (lot.expiryDay > day) return true;
      wasted += lot.quantity;
      return false;
    });
    return wasted;
  }

  /** Takes up to `quantity` units, oldest first; returns the units actually taken. */
  take(quantity: number): number {
    let remaining = quantity;
    for (const lot of this.lots) {
      if (remaining <= 0) break;
      const used = Math.min(lot.quantity, remaining);
      lot.quantity -= used;
      remaining -= used;
    }
    this.lots = this.lots.filter((lot) => lot.quantity > 0);
    return quantity - remaining;
  }
}
