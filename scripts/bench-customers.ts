/**
 * Benchmark of the customer model on the UCI Online Retail invoices (a UK wholesaler):
 *   npm run bench:customers [-- --json] [--data <dir>] [--as-of 2011-09-01] [--weeks 12] [--paths 300]
 *
 * For every customer×product with ≥ 2 orders before the as-of day, predict whether they order
 * within the next `weeks` weeks and when; score against what they did. Next to the Bayesian
 * model, the naive rule: next order = last order + mean interval. Units per product over the
 * horizon are compared with the actual units, the naive rule, and a simple statistical product
 * forecast (see bench-customers-data.ts for the data cleaning and the baselines).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs as parseNodeArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { isoToDay } from '../core/customers/explain';
import { forecastShopCustomers } from '../core/customers/batch';
import { buildCustomerHistories } from '../core/customers/orders';
import { residualWeeklyUnits } from '../core/customers/residual-demand';
import { engineUnits } from './bench-customers-engine';
import { loadOnlineRetail, naivePrediction, naiveUnits, recentMeanUnits, type PairScore, scorePairs, wape } from './bench-customers-data';

interface Args {
  json: boolean;
  dataDir: string | null;
  asOf: string;
  weeks: number;
  paths: number;
  compete: boolean;
}

const USAGE = 'npm run bench:customers -- [--json] [--data <dir>] [--as-of YYYY-MM-DD] [--weeks 12] [--paths 300] [--no-compete]';

function parseArgs(argv: string[]): Args {
  const { values } = parseNodeArgs({
    args: argv,
    options: { json: { type: 'boolean' }, data: { type: 'string' }, 'as-of': { type: 'string' }, weeks: { type: 'string' }, paths: { type: 'string' }, 'no-compete': { type: 'boolean' } },
    strict: true,
  });
  const positive = (text: string | undefined, fallback: number, flag: string): number => {
    if (text === undefined) return fallback;
    const n = Number(text);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${flag} must be a positive whole number, got "${text}". Usage: ${USAGE}`);
    return n;
  };
  return {
    json: values.json === true,
    dataDir: values.data ?? null,
    asOf: values['as-of'] ?? '2011-09-01',
    weeks: positive(values.weeks, 12, '--weeks'),
    paths: positive(values.paths, 300, '--paths'),
    compete: values['no-compete'] !== true,
  };
}

function findDataDir(explicit: string | null): string {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const candidates = explicit ? [resolve(explicit)] : [process.env.SHELFCAST_DATA, join(root, '..', 'shared', 'data'), join(root, '..', '..', 'shared', 'data')]
    .filter((d): d is string => typeof d === 'string')
    .map((d) => join(d, 'online_retail'));
  for (const dir of candidates) if (existsSync(join(dir, 'transactions.csv'))) return dir;
  throw new Error(`online_retail/transactions.csv not found (looked in ${candidates.join(', ')}); pass --data <dir>`);
}

const fmt = (v: number, digits = 3) => (Number.isFinite(v) ? v.toFixed(digits) : 'n/a');

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const asOfDay = isoToDay(args.asOf);
  if (asOfDay === null) throw new Error(`--as-of must be a date YYYY-MM-DD, got "${args.asOf}"`);
  const dataDir = findDataDir(args.dataDir);
  const started = performance.now();
  const data = loadOnlineRetail(join(dataDir, 'transactions.csv'));
  const loadedMs = performance.now() - started;
  const horizonDays = 7 * args.weeks;
  const endDay = asOfDay + horizonDays;

  const modelStarted = performance.now();
  const shop = forecastShopCustomers({
    products: data.products,
    customerNames: data.customerNames,
    model: { asOfDay, horizonWeeks: args.weeks },
    forecast: { paths: args.paths, minConfidence: 0 },
  });
  const modelMs = performance.now() - modelStarted;

  const bayes: PairScore[] = [];
  const naive: PairScore[] = [];
  const bayesRhythm: PairScore[] = [];
  const naiveClamped: PairScore[] = [];
  const productRows: {
    sku: string;
    name: string;
    actualRepeat: number;
    bayesUnits: number;
    naiveUnits: number;
    actualTotal: number;
    customerDriven: number;
    recentMean: number;
  }[] = [];
  const bySku = new Map(data.products.map((p) => [p.productKey, p]));
  for (const result of shop.results) {
    const product = bySku.get(result.productKey)!;
    const futureByCustomer = new Map<string, { firstDay: number; units: number }>();
    let actualTotal = 0;
    for (const line of product.lines) {
      if (line.day < asOfDay || line.day >= endDay) continue;
      actualTotal += line.quantity;
      const future = futureByCustomer.get(line.customerKey) ?? { firstDay: line.day, units: 0 };
      future.firstDay = Math.min(future.firstDay, line.day);
      future.units += line.quantity;
      futureByCustomer.set(line.customerKey, future);
    }
    const predictions = result.status === 'ok' ? result.forecast.customers : [];
    const byCustomer = new Map(predictions.map((p) => [p.customerKey, p]));
    const histories = buildCustomerHistories(product.lines, asOfDay).histories.filter((h) => h.orderDays.length >= 2);
    let actualRepeat = 0;
    let naiveProductUnits = 0;
    for (const history of histories) {
      const prediction = byCustomer.get(history.customerKey);
      if (!prediction) continue; // left out with an issue; counted in the issues total
      const future = futureByCustomer.get(history.customerKey);
      const actualDay = future ? future.firstDay : null;
      actualRepeat += future?.units ?? 0;
      const naiveGuess = naivePrediction(history.orderDays, asOfDay, endDay);
      bayes.push({ probability: prediction.confidence, predictedDay: prediction.likelyOrderDay ?? prediction.nextOrderDay, actualDay });
      bayesRhythm.push({ probability: prediction.confidence, predictedDay: prediction.nextOrderDay, actualDay });
      naiveClamped.push({ probability: naiveGuess.ordersWithin ? 1 : 0, predictedDay: Math.min(naiveGuess.nextDay, endDay - 1), actualDay });
      naive.push({ probability: naiveGuess.ordersWithin ? 1 : 0, predictedDay: naiveGuess.nextDay, actualDay });
      const meanQuantity = history.quantities.reduce((s, q) => s + q, 0) / history.quantities.length;
      naiveProductUnits += naiveUnits(history.orderDays, meanQuantity, asOfDay, endDay);
    }
    if (histories.length === 0) continue;
    const bayesUnits = result.status === 'ok' ? result.forecast.summary.expectedUnits : predictions.reduce((s, p) => s + p.expectedUnits, 0);
    const residual = residualWeeklyUnits(product.lines, asOfDay, args.weeks, 2).reduce((sum, v) => sum + v, 0);
    productRows.push({
      sku: product.productKey,
      name: product.productName ?? product.productKey,
      actualRepeat,
      bayesUnits,
      naiveUnits: naiveProductUnits,
      actualTotal,
      customerDriven: bayesUnits + residual,
      recentMean: recentMeanUnits(product.lines, asOfDay, args.weeks, () => true) * args.weeks,
    });
  }

  const engineStarted = performance.now();
  const engine = await engineUnits(data.products, new Set(productRows.map((r) => r.sku)), asOfDay, args.weeks, args.compete);
  const engineMs = performance.now() - engineStarted;
  const statisticalOf = (sku: string) => engine.statistical.get(sku) ?? 0;
  const competingOf = (sku: string) => engine.withCustomers?.get(sku) ?? Number.NaN;

  const bayesScore = scorePairs(bayes);
  const naiveScore = scorePairs(naive);
  const units = {
    products: productRows.length,
    repeatCustomerUnits: {
      actual: productRows.reduce((s, r) => s + r.actualRepeat, 0),
      bayesWape: wape(productRows.map((r) => [r.bayesUnits, r.actualRepeat])),
      naiveWape: wape(productRows.map((r) => [r.naiveUnits, r.actualRepeat])),
      bayesTotal: productRows.reduce((s, r) => s + r.bayesUnits, 0),
      naiveTotal: productRows.reduce((s, r) => s + r.naiveUnits, 0),
    },
    productUnits: {
      actual: productRows.reduce((s, r) => s + r.actualTotal, 0),
      customerDrivenWape: wape(productRows.map((r) => [r.customerDriven, r.actualTotal])),
      statisticalWape: wape(productRows.map((r) => [statisticalOf(r.sku), r.actualTotal])),
      engineWithCustomersWape: engine.withCustomers ? wape(productRows.map((r) => [competingOf(r.sku), r.actualTotal])) : null,
      recentMeanWape: wape(productRows.map((r) => [r.recentMean, r.actualTotal])),
      customerDrivenTotal: productRows.reduce((s, r) => s + r.customerDriven, 0),
      statisticalTotal: productRows.reduce((s, r) => s + statisticalOf(r.sku), 0),
      engineWithCustomersTotal: engine.withCustomers ? productRows.reduce((s, r) => s + competingOf(r.sku), 0) : null,
      recentMeanTotal: productRows.reduce((s, r) => s + r.recentMean, 0),
      customerCandidateChosen: engine.customersChosen,
      customerCandidateEligible: engine.customersEligible,
    },
  };
  const calibration = shop.model.calibration;
  const issues = shop.results.reduce((s, r) => s + (r.status === 'failed' ? 1 : r.status === 'ok' ? r.forecast.issues.length : r.issues.length), 0);

  if (args.json) {
    process.stdout.write(
      `${JSON.stringify({ bayes: bayesScore.metrics, naive: naiveScore.metrics, pairs: bayes.length, ordered: bayesScore.positives, asOf: args.asOf, weeks: args.weeks, units, issues })}\n`,
    );
    return;
  }
  const out = (line = '') => process.stdout.write(`${line}\n`);
  out(`Customer model benchmark — online_retail, as of ${args.asOf}, horizon ${args.weeks} weeks (${dataDir})`);
  out(`${data.cleanRows} clean rows, ${data.products.length} products; ${bayes.length} customer×product pairs with ≥ 2 prior orders, ${bayesScore.positives} of them ordered within the horizon (${fmt(bayesScore.positives / bayes.length)}).`);
  out(`Lapse calibration on ${calibration ? `${calibration.cases} pairs, window from day ${calibration.originDay}: observed ${fmt(calibration.observedRate)}, fitted ${fmt(calibration.predictedRate)}` : 'none'}.`);
  out();
  out('"Orders within the horizon"            bayes     naive');
  out(`  Brier score (lower is better)        ${fmt(bayesScore.metrics.brier)}     ${fmt(naiveScore.metrics.brier)}`);
  out(`  precision (bayes: p ≥ 0.5)           ${fmt(bayesScore.metrics.precision)}     ${fmt(naiveScore.metrics.precision)}`);
  out(`  recall                               ${fmt(bayesScore.metrics.recall)}     ${fmt(naiveScore.metrics.recall)}`);
  out(`  next-order date MAE, days            ${fmt(bayesScore.metrics.dateMaeDays, 1)}      ${fmt(naiveScore.metrics.dateMaeDays, 1)}    (over the ${bayesScore.positives} pairs that ordered)`);
  out(`    bayes date = median first order given one within the horizon; the in-rhythm median scores ${fmt(scorePairs(bayesRhythm).metrics.dateMaeDays, 1)};`);
  out(`    naive date capped at the horizon's last day scores ${fmt(scorePairs(naiveClamped).metrics.dateMaeDays, 1)}.`);
  out(`  Brier of always saying the base rate ${fmt((bayesScore.positives / bayes.length) * (1 - bayesScore.positives / bayes.length))} (reference, uses the answer)`);
  out();
  out(`Units over ${args.weeks} weeks, ${units.products} products with repeat customers (WAPE = Σ|forecast − actual| / Σ actual):`);
  out(`  repeat customers' units: actual ${Math.round(units.repeatCustomerUnits.actual)}, bayes ${Math.round(units.repeatCustomerUnits.bayesTotal)} (WAPE ${fmt(units.repeatCustomerUnits.bayesWape)}), naive ${Math.round(units.repeatCustomerUnits.naiveTotal)} (WAPE ${fmt(units.repeatCustomerUnits.naiveWape)})`);
  const u = units.productUnits;
  out(`  all units of the product: actual ${Math.round(u.actual)}`);
  out(`    statistical product forecast (core/forecast engine, local models)   ${String(Math.round(u.statisticalTotal)).padStart(8)}  WAPE ${fmt(u.statisticalWape)}`);
  if (u.engineWithCustomersTotal !== null) {
    out(`    engine with the customer-driven candidate competing in its backtest ${String(Math.round(u.engineWithCustomersTotal)).padStart(8)}  WAPE ${fmt(u.engineWithCustomersWape ?? Number.NaN)}  (competes for ${u.customerCandidateEligible}, chosen for ${u.customerCandidateChosen})`);
  }
  out(`    customer-driven + rest, on its own                                   ${String(Math.round(u.customerDrivenTotal)).padStart(8)}  WAPE ${fmt(u.customerDrivenWape)}`);
  out(`    mean weekly units of the last ${args.weeks} weeks (reference)                 ${String(Math.round(u.recentMeanTotal)).padStart(8)}  WAPE ${fmt(u.recentMeanWape)}`);
  out('  "customer-driven + rest" = the Bayesian sum over repeat customers plus, for everyone else, the units bought in the');
  out('  last 12 weeks by customers who were not repeat customers 12 weeks ago (core/customers/residual-demand.ts).');
  out();
  out('Top 15 products by actual units:  repeat customers: actual, bayes, naive | all: actual, customer-driven, statistical, engine+customers');
  const cell = (v: number) => (Number.isFinite(v) ? String(Math.round(v)) : '-').padStart(7);
  for (const r of [...productRows].sort((a, b) => b.actualTotal - a.actualTotal).slice(0, 15)) {
    out(
      `  ${r.sku.padEnd(8)} ${cell(r.actualRepeat)} ${cell(r.bayesUnits)} ${cell(r.naiveUnits)} | ${cell(r.actualTotal)} ${cell(r.customerDriven)} ${cell(statisticalOf(r.sku))} ${cell(competingOf(r.sku))}  ${r.name.slice(0, 30)}`,
    );
  }
  out();
  out(
    `Time: load ${(loadedMs / 1000).toFixed(1)} s, customer model + ${args.paths}-path forecasts of all products ${(modelMs / 1000).toFixed(1)} s, ` +
      `engine ${(engine.statisticalMs / 1000).toFixed(1)} s, engine with the customer candidate ${(engine.withCustomersMs / 1000).toFixed(1)} s (total ${(engineMs / 1000).toFixed(1)} s). ` +
      `Customers left out with an issue: ${issues}.`,
  );
}

await main();
