/**
 * Lapses: customers do not always keep their rhythm. After each order, with probability π the
 * customer lapses: the next interval is not drawn from their own rhythm but from a shop-wide
 * "return after a lapse" distribution, log-normal with a long median (a customer who stopped
 * for good is the limit of a very long return time). π ~ Beta(α, β) across customers, as the
 * dropout process of the BG/NBD model (Fader, Hardie & Lee 2005, "Counting your customers the
 * easy way"), generalised from permanent dropout to a two-component interval mixture.
 *
 * A customer with n orders kept their rhythm n − 1 times (the observed intervals are treated
 * as regular), so π | history ~ Beta(α, β + n − 1), mean π̄ = α / (α + β + n − 1). Having seen
 * no order for e days, with S = P(rhythm interval ≥ e) and R = P(return interval ≥ e):
 *   P(in rhythm | gap) = (1 − π̄)·S / ((1 − π̄)·S + π̄·R).
 * α, β, the return distribution and the covariate effects are calibrated on the shop's own
 * recent past (calibrateChurnPrior): the likelihood of the final gaps alone cannot tell a
 * customer who lapsed and will return from one who left, because returns are seen only later,
 * so it drives the return time to infinity.
 */
import { fastNormalSurvival } from './special';
import { nelderMead } from './optimize';

export interface ChurnPrior {
  alpha: number;
  beta: number;
  /** Mean and standard deviation of log(days) of the return interval after a lapse. */
  returnLogMean: number;
  returnLogSd: number;
  /**
   * Shifts of logit(π) per unit of each lapse covariate (see lapse-covariates.ts), e.g. the
   * customer's overall activity: customers who buy from the shop often drop a product less.
   * Empty = no covariates.
   */
  covariateEffects: number[];
  /** Covariate values at which the shift is zero (the shop's average case). */
  covariateCentres: number[];
}

/** Before any data: a lapse after about 1 order in 10, returning after about a year. */
export const DEFAULT_CHURN_PRIOR: ChurnPrior = { alpha: 1, beta: 9, returnLogMean: Math.log(365), returnLogSd: 1, covariateEffects: [], covariateCentres: [] };

function shiftLogit(p: number, shift: number): number {
  if (shift === 0) return p;
  const logit = Math.log(p / (1 - p)) + shift;
  return 1 / (1 + Math.exp(-logit));
}

/** The logit shift Σ effectᵢ·(xᵢ − centreᵢ); covariates beyond the prior's are ignored. */
export function covariateShift(prior: ChurnPrior, covariates: readonly number[] | undefined): number {
  if (!covariates) return 0;
  let shift = 0;
  const k = Math.min(covariates.length, prior.covariateEffects.length);
  for (let i = 0; i < k; i++) shift += prior.covariateEffects[i]! * (covariates[i]! - (prior.covariateCentres[i] ?? 0));
  return shift;
}

/**
 * Posterior mean of π after `orderCount` orders (n − 1 kept rhythms), shifted on the logit
 * scale by the lapse covariates when given.
 */
export function lapseProbability(prior: ChurnPrior, orderCount: number, covariates?: readonly number[]): number {
  const base = prior.alpha / (prior.alpha + prior.beta + Math.max(0, orderCount - 1));
  if (!(base > 0 && base < 1)) return base;
  return shiftLogit(base, covariateShift(prior, covariates));
}

/** Posterior mean of π for later orders of a customer known to be in rhythm (n kept rhythms). */
export function lapseProbabilityWhileActive(prior: ChurnPrior, orderCount: number, covariates?: readonly number[]): number {
  return lapseProbability(prior, orderCount + 1, covariates);
}

/** P(return interval > days). */
export function returnSurvival(prior: ChurnPrior, days: number): number {
  if (days <= 0) return 1;
  return fastNormalSurvival((Math.log(days) - prior.returnLogMean) / prior.returnLogSd);
}

/** Weights of the two components given the gap: [in rhythm, lapsed], summing to 1. */
export function componentWeights(prior: ChurnPrior, orderCount: number, survivalProbability: number, gapDays: number, covariates?: readonly number[]): [number, number] {
  const lapse = lapseProbability(prior, orderCount, covariates);
  const rhythmMass = (1 - lapse) * Math.min(1, Math.max(0, survivalProbability));
  const lapseMass = lapse * returnSurvival(prior, gapDays);
  const total = rhythmMass + lapseMass;
  if (!(total > 0)) return [0, 1];
  return [rhythmMass / total, lapseMass / total];
}

export function probabilityActive(prior: ChurnPrior, orderCount: number, survivalProbability: number, gapDays: number, covariates?: readonly number[]): number {
  return componentWeights(prior, orderCount, survivalProbability, gapDays, covariates)[0];
}

export interface ChurnPriorFit {
  prior: ChurnPrior;
  histories: number;
}

const BASE_PARAMETERS = 4;

function toTransformed(prior: ChurnPrior): number[] {
  return [Math.log(prior.alpha), Math.log(prior.beta), prior.returnLogMean, Math.log(prior.returnLogSd), ...prior.covariateEffects];
}

function fromTransformed(theta: number[], covariateCentres: number[]): ChurnPrior {
  const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
  return {
    alpha: Math.exp(clamp(theta[0]!, -7, 9)),
    beta: Math.exp(clamp(theta[1]!, -7, 9)),
    returnLogMean: clamp(theta[2]!, 0, 12),
    returnLogSd: Math.exp(clamp(theta[3]!, -3, 2)),
    covariateEffects: theta.slice(BASE_PARAMETERS).map((v) => clamp(v, -5, 5)),
    covariateCentres,
  };
}

/**
 * One customer×product seen at a past origin: what the rhythm model said then, and whether
 * they ordered in the window that followed. Used to calibrate the lapse component on the
 * shop's own recent history.
 */
export interface ChurnCalibrationCase {
  orderCount: number;
  /** Continuity-corrected gap at the origin (days). */
  gapDays: number;
  windowDays: number;
  /** P(rhythm interval > gap) and P(rhythm interval > gap + window). */
  rhythmSurvivalAtGap: number;
  rhythmSurvivalAtWindowEnd: number;
  ordered: boolean;
  /** Lapse covariates at the origin (see ChurnPrior.covariateEffects); all cases the same length. */
  covariates?: readonly number[];
}

/** P(an order within the window | no order during the gap) under the mixture. */
export function windowOrderProbability(prior: ChurnPrior, c: ChurnCalibrationCase): number {
  const lapse = lapseProbability(prior, c.orderCount, c.covariates);
  const now = (1 - lapse) * c.rhythmSurvivalAtGap + lapse * returnSurvival(prior, c.gapDays);
  const later = (1 - lapse) * c.rhythmSurvivalAtWindowEnd + lapse * returnSurvival(prior, c.gapDays + c.windowDays);
  if (!(now > 0)) return 0;
  return Math.min(1, Math.max(0, (now - later) / now));
}

/**
 * Fits the lapse component by the Bernoulli likelihood of "ordered within the window" over
 * past cases: the marginal likelihood of the final gaps alone cannot tell a customer who
 * lapsed and will return from one who left, because returns are seen only later.
 */
export function calibrateChurnPrior(cases: readonly ChurnCalibrationCase[], anchor: ChurnPrior = DEFAULT_CHURN_PRIOR, anchorSd = 2): ChurnPriorFit {
  const used = cases.filter((c) => c.gapDays > 0 && c.windowDays > 0 && Number.isFinite(c.rhythmSurvivalAtGap) && Number.isFinite(c.rhythmSurvivalAtWindowEnd));
  if (used.length === 0) return { prior: { ...anchor }, histories: 0 };
  const covariateCount = used[0]?.covariates?.length ?? 0;
  if (used.some((c) => (c.covariates?.length ?? 0) !== covariateCount || c.covariates?.some((x) => !Number.isFinite(x)))) {
    throw new Error('calibrateChurnPrior: every case needs the same number of finite covariates');
  }
  const covariateCentres = Array.from({ length: covariateCount }, (_, i) => used.reduce((s, c) => s + c.covariates![i]!, 0) / used.length);
  const centre = [...toTransformed(anchor).slice(0, BASE_PARAMETERS), ...new Array<number>(covariateCount).fill(0)];
  const objective = (theta: number[]): number => {
    const prior = fromTransformed(theta, covariateCentres);
    let total = 0;
    for (const c of used) {
      const p = Math.min(1 - 1e-9, Math.max(1e-9, windowOrderProbability(prior, c)));
      total += c.ordered ? Math.log(p) : Math.log(1 - p);
    }
    for (let i = 0; i < centre.length; i++) total -= 0.5 * ((theta[i]! - centre[i]!) / anchorSd) ** 2;
    return -total;
  };
  const result = nelderMead(objective, centre, { step: 0.5, maxEvaluations: 1200, tolerance: 1e-10 });
  return { prior: fromTransformed(result.x, covariateCentres), histories: used.length };
}
