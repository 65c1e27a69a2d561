/**
 * The product detail screen's data: assembled from the read repositories, with the
 * explanations written here so every number arrives with its sentence.
 */
import { makeTextFormat } from '../alerts/format';
import type { ProductDetail } from '../contract/commands/product-detail';
import { isoFromDay } from '../dates';
import type { Db } from '../db/connection';
import { listAlerts } from '../db/repos/alerts';
import { listOverrides } from '../db/repos/overrides';
import {
  backtestRows,
  championModel,
  classRow,
  effectiveLeadTime,
  forecastRows,
  latestRecommendation,
  latestRecommendationsByLocation,
  latestRun,
  productReceipts,
  productRow,
  productStockByLocation,
  sumStock,
  salesByLocation,
  unitsSold,
} from '../db/repos/product-detail';
import type { RecommendationRaw } from '../db/repos/product-detail';
import { readSettings } from '../db/repos/settings';
import { asOfDay as findAsOfDay } from '../db/repos/stock-facts';
import { describeClasses, explainModelChoice } from './explain';

function parseRecord(json: string | null): Record<string, unknown> | null {
  if (!json) return null;
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The numeric fields of the plan's stored inputs and outputs (one level deep), for display. */
function numericFigures(...records: Array<Record<string, unknown> | null>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const record of records) {
    if (!record) continue;
    for (const [key, value] of Object.entries(record)) {
      if (typeof value === 'number' && Number.isFinite(value)) out[key] = value;
    }
  }
  return out;
}

export function productDetail(db: Db, id: number): ProductDetail {
  const settings = readSettings(db);
  const fmt = makeTextFormat(settings.locale, settings.currency);
  const p = productRow(db, id);
  const lead = effectiveLeadTime(p, settings);
  const cls = classRow(db, id);
  const serviceLevel =
    p.service_level !== null
      ? { level: p.service_level, source: 'product' as const }
      : cls?.abc
        ? { level: settings.serviceLevels[cls.abc], source: 'class' as const }
        : { level: settings.serviceLevels.B, source: 'default' as const };
  const asOf = findAsOfDay(db);
  const byLocation = productStockByLocation(db, id);
  const stock = sumStock(byLocation);
  const severalLocations = (db.prepare('SELECT count(*) AS n FROM locations').get() as { n: number }).n > 1;
  const receipts = productReceipts(db, id);
  const run = latestRun(db);

  let model: ProductDetail['model'] = null;
  let revenue: ProductDetail['revenue'] = null;
  if (run) {
    const rows = backtestRows(db, run.id, id);
    const champion = championModel(db, run.id, id);
    const chosenName = champion?.model ?? rows.find((r) => r.mase !== null)?.model ?? null;
    if (chosenName !== null) {
      const candidates = rows.map((r) => ({ model: r.model, origins: r.origins, mase: r.mase, wape: r.wape, bias: r.bias, coverage80: r.coverage80, naiveMase: r.naive_mase, chosen: r.model === chosenName }));
      const params = parseRecord(champion?.params ?? rows.find((r) => r.model === chosenName)?.params ?? null);
      model = {
        runId: run.id,
        runAt: run.created_at,
        runAsOfDay: isoFromDay(run.as_of_day),
        dataAsOf: isoFromDay(run.as_of_day - 1),
        period: run.period,
        model: chosenName,
        params,
        reason: explainModelChoice(chosenName, candidates, fmt),
        candidates,
      };
    }
    const forecast = forecastRows(db, run.id, id, null);
    if (forecast.length > 0 && p.unit_price_cents !== null) {
      const periodDays = run.period === 'day' ? 1 : 7;
      const stepsIn4Weeks = Math.round(28 / periodDays);
      const price = p.unit_price_cents;
      revenue = {
        next4WeeksCents: Math.round(forecast.slice(0, stepsIn4Weeks).reduce((a, f) => a + f.mean, 0) * price),
        horizonCents: Math.round(forecast.reduce((a, f) => a + f.mean, 0) * price),
        horizonWeeks: (forecast.length * periodDays) / 7,
      };
    }
  }

  const rec = latestRecommendation(db, id);
  const recommendationView = (r: RecommendationRaw) => ({
    id: r.id,
    createdAt: r.created_at,
    dataAsOf: r.plan_as_of_day === null ? null : isoFromDay(r.plan_as_of_day - 1),
    status: r.status,
    onHand: r.on_hand,
    onOrder: r.on_order,
    reorderPoint: r.reorder_point,
    orderUpToLevel: r.order_up_to,
    safetyStock: r.safety_stock,
    suggestedQuantity: r.suggested_qty,
    finalQuantity: r.final_qty,
    unitCostCents: r.unit_cost_cents,
    priority: r.priority,
    reasoning: r.reasoning,
    figures: numericFigures(parseRecord(r.inputs), parseRecord(r.outputs)),
  });
  return {
    product: {
      id: p.id,
      sku: p.sku,
      name: p.name,
      category: p.category,
      supplierId: p.supplier_id,
      supplierName: p.supplier_name,
      unitCostCents: p.unit_cost_cents,
      unitPriceCents: p.unit_price_cents,
      leadTimeDays: lead.days,
      leadTimeSource: lead.source,
      moq: p.moq,
      casePack: p.case_pack,
      shelfLifeDays: p.shelf_life_days,
      serviceLevel: serviceLevel.level,
      serviceLevelSource: serviceLevel.source,
      active: p.active === 1,
    },
    classes: cls
      ? {
          abc: cls.abc,
          xyz: cls.xyz,
          pattern: cls.pattern,
          isNew: cls.is_new === 1,
          isDead: cls.is_dead === 1,
          adi: cls.adi,
          cv2: cls.cv2,
          historyPeriods: cls.history_periods,
          description: describeClasses({ abc: cls.abc, xyz: cls.xyz, pattern: cls.pattern, isNew: cls.is_new === 1, isDead: cls.is_dead === 1, historyPeriods: cls.history_periods }, fmt),
        }
      : null,
    stock: {
      onHand: stock.onHand === null ? null : Math.round(stock.onHand * 1000) / 1000,
      countDay: stock.countDay === null ? null : isoFromDay(stock.countDay),
      byLocation: severalLocations
        ? byLocation.map((l) => ({ locationId: l.locationId, locationName: l.locationName, onHand: l.onHand === null ? null : Math.round(l.onHand * 1000) / 1000, countDay: l.countDay === null ? null : isoFromDay(l.countDay) }))
        : [],
      onOrder: receipts.reduce((a, r) => a + r.quantity, 0),
      receipts: receipts.map((r) => ({ poNumber: r.poNumber, quantity: r.quantity, expectedDay: r.expectedDay === null ? null : isoFromDay(r.expectedDay) })),
    },
    asOfDay: asOf === null ? null : isoFromDay(asOf),
    soldLast28Days: asOf === null ? 0 : unitsSold(db, id, asOf - 27, asOf),
    soldLast52Weeks: asOf === null ? 0 : unitsSold(db, id, asOf - 363, asOf),
    model,
    recommendation: rec ? recommendationView(rec) : null,
    // In a shop with several locations, each location's line: the plan orders for each separately.
    recommendationsByLocation: severalLocations ? latestRecommendationsByLocation(db, id).map((r) => ({ ...recommendationView(r), locationId: r.location_id, locationName: r.location_name })) : [],
    revenue,
    openAlerts: listAlerts(db, { view: 'open', kinds: [], severities: [], productId: id, offset: 0, limit: 20 }).rows,
    overrides: listOverrides(db, id).filter((o) => o.removedAt === null),
    locations: salesByLocation(db, id),
  };
}
