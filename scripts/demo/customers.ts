/**
 * The wholesale side: local cafés, restaurants, holiday lets and clubs that order from the
 * shop on their own rhythms. Orders are drawn up front (customers order whatever the shop's
 * stock); the simulation ships what it can.
 */
import { dayFromIso, weekdayOf, dayOfYear } from './calendar';
import type { ShopCalendar } from './calendar';
import { yearlyBump } from './demand';
import { compareText, SeededRandom } from './random';
import type { Customer, Product } from './types';

type Rhythm =
  | { kind: 'weekly'; weekdays: number[] }
  | { kind: 'fortnightly'; weekday: number; oddWeeks: boolean }
  | { kind: 'irregular'; meanGapDays: number; gapCv: number };

interface CustomerSpec {
  id: string;
  name: string;
  rhythm: Rhythm;
  /** Product name → typical quantity per order; the optional third value is the chance the line appears. */
  basket: [string, number, number?][];
  start?: string;
  stop?: string;
  /** Only orders in these months (1–12): seasonal businesses. */
  months?: number[];
  /** Extra volume in summer (seaside trade). */
  summerAmplitude?: number;
  growth?: number;
}

const CUSTOMER_SPECS: CustomerSpec[] = [
  { id: 'C1001', name: 'The Anchor Café', rhythm: { kind: 'weekly', weekdays: [0, 3] }, summerAmplitude: 0.5,
    basket: [['Butter Croissant', 18], ['Pain au Chocolat', 12], ['Sausage Roll', 10], ['Barista Oat Drink 1L', 6], ['House Blend Coffee Beans 1kg', 2, 0.6]] },
  { id: 'C1002', name: 'Driftwood Coffee House', rhythm: { kind: 'weekly', weekdays: [1] }, growth: 0.1,
    basket: [['House Blend Coffee Beans 1kg', 6], ['Harbour Espresso Beans 1kg', 2], ['Swiss Water Decaf Beans 1kg', 1, 0.5],
      ['Vanilla Coffee Syrup 1L', 2, 0.3], ['Caramel Coffee Syrup 1L', 1, 0.3], ['Barista Oat Drink 1L', 12]] },
  { id: 'C1003', name: 'Saltmarsh Kitchen', rhythm: { kind: 'weekly', weekdays: [2] }, summerAmplitude: 0.6,
    basket: [['White Sourdough Loaf 800g', 8], ['Rosemary & Sea Salt Focaccia', 4], ['Parmigiano Reggiano 150g', 2],
      ['Extra Virgin Olive Oil 500ml', 2, 0.5], ['Sparkling Water 750ml Glass', 24], ['Aged Balsamic Vinegar 250ml', 1, 0.2]] },
  { id: 'C1004', name: 'Pier Street B&B', rhythm: { kind: 'fortnightly', weekday: 4, oddWeeks: false }, summerAmplitude: 1.2,
    basket: [['English Breakfast Tea Catering 240 Bags', 2], ['House Blend Ground Coffee 227g', 4], ['Strawberry Jam 340g', 4],
      ['Seville Orange Marmalade 340g', 3], ['Honey & Almond Granola 500g', 3], ['Whole Milk 2L', 4, 0.5]] },
  { id: 'C1005', name: 'Lighthouse Bistro', rhythm: { kind: 'weekly', weekdays: [3] }, summerAmplitude: 0.5,
    basket: [['White Sourdough Loaf 800g', 6], ['Unsalted Butter 250g', 6], ['Double Cream 300ml', 6],
      ['Scottish Smoked Salmon 100g', 4, 0.5], ['Sparkling Water 750ml Glass', 24]] },
  { id: 'C1006', name: 'Kettle & Crumb', rhythm: { kind: 'weekly', weekdays: [1, 4] }, summerAmplitude: 0.4,
    basket: [['Chocolate Brownie', 12], ['Carrot Cake Slice', 8], ['Lemon Drizzle Slice', 8], ['Cinnamon Bun', 12],
      ['House Blend Coffee Beans 1kg', 2, 0.5], ['Drinking Chocolate Catering 1kg', 1, 0.3]] },
  { id: 'C1007', name: 'Netloft Restaurant', rhythm: { kind: 'irregular', meanGapDays: 9, gapCv: 0.35 }, summerAmplitude: 0.4,
    basket: [['Parmigiano Reggiano 150g', 3], ['Prosciutto 80g', 4], ['Extra Virgin Olive Oil 500ml', 3], ['Arborio Risotto Rice 1kg', 4],
      ['Spanish Saffron Threads 0.4g', 2, 0.3], ['Black Truffle Oil 100ml', 1, 0.3]] },
  { id: 'C1008', name: "Harbourmaster's Office", rhythm: { kind: 'irregular', meanGapDays: 28, gapCv: 0.15 },
    basket: [['English Breakfast Tea Catering 240 Bags', 3], ['House Blend Ground Coffee 227g', 2], ['Chocolate Digestives 300g', 6],
      ['Eco Washing-Up Liquid 500ml', 2], ['Kitchen Roll x2', 4], ['Toilet Tissue x4', 6]] },
  { id: 'C1009', name: 'Seaview Holiday Lets', rhythm: { kind: 'irregular', meanGapDays: 12, gapCv: 0.5 }, summerAmplitude: 2.0,
    basket: [['Free-Range Eggs x6', 8], ['Whole Milk 1L', 8], ['White Sourdough Loaf 800g', 4], ['Salted Butter 250g', 4],
      ['English Breakfast Tea 80 Bags', 4], ['Strawberry Jam 340g', 4]] },
  { id: 'C1010', name: 'The Crab Shack', rhythm: { kind: 'weekly', weekdays: [5] }, summerAmplitude: 1.5,
    basket: [['Sparkling Water 750ml Glass', 12], ['Cloudy Lemonade 275ml', 24], ['Ginger Beer 275ml', 24], ['Elderflower Pressé 275ml', 24],
      ['Sea Salt Crisps 40g', 24]] },
  { id: 'C1011', name: 'Bramble Yoga Studio', rhythm: { kind: 'fortnightly', weekday: 0, oddWeeks: true }, start: '2025-03-03', growth: 0.3,
    basket: [['Ginger Kombucha 330ml', 12], ['Raspberry Kombucha 330ml', 12], ['Coconut Water 330ml', 12], ['Unsweetened Almond Drink 1L', 4]] },
  { id: 'C1012', name: 'Mariners Rowing Club', rhythm: { kind: 'irregular', meanGapDays: 14, gapCv: 0.6 }, summerAmplitude: 0.8,
    basket: [['Still Spring Water 500ml', 48], ['Peanut Protein Bar 55g', 24], ['Wrapped Oat Flapjack Bar', 24], ['Energy Drink 250ml', 12, 0.5]] },
  { id: 'C1013', name: 'Quay Books & Coffee', rhythm: { kind: 'weekly', weekdays: [2] }, stop: '2026-09-27',
    basket: [['House Blend Coffee Beans 1kg', 2], ['Barista Oat Drink 1L', 6], ['Almond Croissant', 6], ['Chocolate Brownie', 6]] },
  { id: 'C1014', name: 'Old Customs House Hotel', rhythm: { kind: 'weekly', weekdays: [0] }, summerAmplitude: 0.7,
    basket: [['English Breakfast Tea Catering 240 Bags', 4], ['Harbour Espresso Beans 1kg', 3], ['Swiss Water Decaf Beans 1kg', 1],
      ['Free-Range Eggs x12', 6], ['Salted Butter 250g', 10], ['Seville Orange Marmalade 340g', 4], ['Whole Milk 2L', 10], ['Greek Yoghurt 500g', 6]] },
  { id: 'C1015', name: 'Little Harbour Nursery', rhythm: { kind: 'fortnightly', weekday: 3, oddWeeks: false },
    basket: [['Whole Milk 1L', 20], ['Lightly Salted Rice Cakes 130g', 12], ['Dried Apricots 200g', 6], ['Wholemeal Tin Loaf 800g', 6]] },
  { id: 'C1016', name: 'The Gull & Tern', rhythm: { kind: 'weekly', weekdays: [4] }, stop: '2026-10-08', summerAmplitude: 0.6,
    basket: [['Sausage Roll', 20], ['Cornish Pasty', 20], ['Salted Peanuts 200g', 12], ['Sea Salt Crisps 40g', 24], ['Cheese & Onion Crisps 40g', 24]] },
  { id: 'C1017', name: "St Piran's Church Hall", rhythm: { kind: 'irregular', meanGapDays: 30, gapCv: 0.4 },
    basket: [['English Breakfast Tea Catering 240 Bags', 2], ['Stem Ginger Biscuits 200g', 6], ['Semi-Skimmed Milk 1L', 6]] },
  { id: 'C1018', name: 'Rockpool Ice Cream Parlour', rhythm: { kind: 'weekly', weekdays: [5] }, months: [4, 5, 6, 7, 8, 9, 10], summerAmplitude: 1.0,
    basket: [['Cloudy Lemonade 275ml', 12], ['Cornish Clotted Cream Fudge 150g', 12], ['Cold Brew Coffee Can 250ml', 24]] },
  { id: 'C1019', name: 'Tidewater Sailing School', rhythm: { kind: 'irregular', meanGapDays: 12, gapCv: 0.5 }, start: '2026-06-01', summerAmplitude: 1.0,
    basket: [['Still Spring Water 500ml', 48], ['Wrapped Oat Flapjack Bar', 24]] },
  { id: 'C1020', name: 'Cliffside Deli', rhythm: { kind: 'weekly', weekdays: [1] }, stop: '2025-03-14',
    basket: [['Kalamata Olives 200g', 12], ['Classic Houmous 200g', 12], ['Fresh Basil Pesto 140g', 6]] },
  { id: 'C1021', name: "Fisherman's Rest Café", rhythm: { kind: 'weekly', weekdays: [1] }, start: '2026-09-01',
    basket: [['House Blend Coffee Beans 1kg', 3], ['Barista Oat Drink 1L', 12], ['Butter Croissant', 12]] },
  { id: 'C1022', name: 'Porthmellow Surf Hut', rhythm: { kind: 'irregular', meanGapDays: 10, gapCv: 0.6 }, summerAmplitude: 2.5, months: [3, 4, 5, 6, 7, 8, 9, 10],
    basket: [['Cold Brew Coffee Can 250ml', 24], ['Ginger Kombucha 330ml', 12], ['Energy Drink 250ml', 12], ['Sea Salt Crisps Sharing 150g', 12]] },
];

export const CUSTOMERS: Customer[] = CUSTOMER_SPECS.map((spec) => ({ id: spec.id, name: spec.name }));

export interface B2BOrderLine {
  productIndex: number;
  quantity: number;
}

export interface B2BOrder {
  day: number;
  customerId: string;
  orderId: string;
  lines: B2BOrderLine[];
}

/** Draws every customer's orders over the history, sorted by day and customer; order ids follow that order. */
export function drawB2BOrders(masterSeed: number, products: Product[], calendar: ShopCalendar): B2BOrder[] {
  const productIndexByName = new Map(products.map((product) => [product.name, product.index]));
  const drafts: Omit<B2BOrder, 'orderId'>[] = [];
  for (const spec of CUSTOMER_SPECS) {
    const rng = SeededRandom.stream(masterSeed, `customer:${spec.id}`);
    const basket = spec.basket.map(([name, quantity, probability]) => {
      const productIndex = productIndexByName.get(name);
      if (productIndex === undefined) throw new Error(`customer ${spec.id}: unknown product ${name}`);
      return { productIndex, quantity, probability: probability ?? 0.93 };
    });
    const firstDay = spec.start ? dayFromIso(spec.start) : calendar.startDay;
    const lastDay = spec.stop ? dayFromIso(spec.stop) : calendar.endDay;
    for (const day of orderDays(rng, spec, firstDay, lastDay, calendar)) {
      const years = (day - calendar.startDay) / 365.25;
      const volume = (1 + (spec.summerAmplitude ?? 0) * yearlyBump(dayOfYear(day), 205, 3)) * Math.pow(1 + (spec.growth ?? 0), years);
      const lines: B2BOrderLine[] = [];
      for (const item of basket) {
        if (!rng.chance(item.probability)) continue;
        const quantity = Math.max(1, Math.round(item.quantity * volume * (rng.gamma(8) / 8)));
        lines.push({ productIndex: item.productIndex, quantity });
      }
      if (lines.length > 0) drafts.push({ day, customerId: spec.id, lines });
    }
  }
  drafts.sort((a, b) => a.day - b.day || compareText(a.customerId, b.customerId));
  return drafts.map((draft, position) => ({ ...draft, orderId: `INV-${10001 + position}` }));
}

function orderDays(rng: SeededRandom, spec: CustomerSpec, firstDay: number, lastDay: number, calendar: ShopCalendar): number[] {
  const days: number[] = [];
  const inSeason = (day: number): boolean => !spec.months || spec.months.includes(new Date(day * 86_400_000).getUTCMonth() + 1);
  const usable = (day: number): boolean => !calendar.closedDays.has(day) && weekdayOf(day) !== 6 && inSeason(day);
  const rhythm = spec.rhythm;
  if (rhythm.kind === 'irregular') {
    const shape = 1 / (rhythm.gapCv * rhythm.gapCv);
    let day = firstDay + rng.integer(0, Math.round(rhythm.meanGapDays));
    while (day <= lastDay) {
      let orderDay = day;
      while (!usable(orderDay) && orderDay <= lastDay && inSeason(orderDay)) orderDay++;
      if (orderDay <= lastDay && usable(orderDay)) days.push(orderDay);
      // Busier in summer: seaside customers order more often, not only more.
      const busy = 1 + 0.5 * (spec.summerAmplitude ?? 0) * yearlyBump(dayOfYear(day), 205, 3);
      day = orderDay + Math.max(2, Math.round((rhythm.meanGapDays * rng.gamma(shape)) / shape / busy));
    }
    return days;
  }
  for (let day = firstDay; day <= lastDay; day++) {
    if (!usable(day)) continue;
    const weekday = weekdayOf(day);
    const weekNumber = Math.floor((day + 3) / 7); // weeks since the Monday before 1970-01-01
    const due = rhythm.kind === 'weekly'
      ? rhythm.weekdays.includes(weekday)
      : weekday === rhythm.weekday && (weekNumber % 2 === 1) === rhythm.oddWeeks;
    if (due && !rng.chance(0.04)) days.push(day);
  }
  return days;
}
