/**
 * Derivative-free minimisers for the few smoothing parameters of our models. Bounds are
 * enforced by clamping trial points into the box, which keeps every evaluation valid.
 */

export interface MinimizeResult {
  x: Float64Array;
  value: number;
  evaluations: number;
}

export interface NelderMeadOptions {
  lower: ArrayLike<number>;
  upper: ArrayLike<number>;
  /** Initial simplex step per coordinate (default 10% of the box width). */
  step?: ArrayLike<number>;
  maxEvaluations?: number;
  /** Stop when the spread of simplex values falls below this (absolute + relative). */
  tolerance?: number;
}

/**
 * Nelder & Mead (1965) simplex with the standard coefficients (reflection 1, expansion 2,
 * contraction 0.5, shrink 0.5), as in Lagarias et al. (1998).
 */
export function nelderMead(
  objective: (x: Float64Array) => number,
  start: ArrayLike<number>,
  options: NelderMeadOptions,
): MinimizeResult {
  const n = start.length;
  const { lower, upper } = options;
  const maxEvaluations = options.maxEvaluations ?? 200 * n;
  const tolerance = options.tolerance ?? 1e-8;
  let evaluations = 0;

  const points: Float64Array[] = [];
  const values = new Float64Array(n + 1);
  const first = Float64Array.from(start);
  clampInto(first, lower, upper);
  points.push(first);
  values[0] = safeValue(objective(first));
  evaluations++;
  for (let i = 0; i < n; i++) {
    const p = Float64Array.from(first);
    const step = options.step?.[i] ?? 0.1 * (upper[i]! - lower[i]!);
    p[i] = p[i]! + step;
    if (p[i]! > upper[i]!) p[i] = first[i]! - step;
    clampInto(p, lower, upper);
    points.push(p);
    values[i + 1] = safeValue(objective(p));
    evaluations++;
  }

  const order = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) order[i] = i;
  const centroid = new Float64Array(n);
  const trial = new Float64Array(n);
  const trial2 = new Float64Array(n);

  while (evaluations < maxEvaluations) {
    // Insertion sort of the simplex vertices by value (n + 1 is tiny).
    for (let i = 1; i <= n; i++) {
      const key = order[i]!;
      let j = i - 1;
      while (j >= 0 && values[order[j]!]! > values[key]!) {
        order[j + 1] = order[j]!;
        j--;
      }
      order[j + 1] = key;
    }
    const best = order[0]!;
    const worst = order[n]!;
    const secondWorst = order[n - 1]!;
    const spread = values[worst]! - values[best]!;
    if (spread <= tolerance * (Math.abs(values[best]!) + tolerance)) break;

    centroid.fill(0);
    for (let k = 0; k < n; k++) {
      const p = points[order[k]!]!;
      for (let j = 0; j < n; j++) centroid[j] = centroid[j]! + p[j]! / n;
    }
    const worstPoint = points[worst]!;
    along(centroid, worstPoint, -1, trial, lower, upper);
    const reflected = safeValue(objective(trial));
    evaluations++;
    if (reflected < values[best]!) {
      along(centroid, worstPoint, -2, trial2, lower, upper);
      const expanded = safeValue(objective(trial2));
      evaluations++;
      if (expanded < reflected) {
        worstPoint.set(trial2);
        values[worst] = expanded;
      } else {
        worstPoint.set(trial);
        values[worst] = reflected;
      }
      continue;
    }
    if (reflected < values[secondWorst]!) {
      worstPoint.set(trial);
      values[worst] = reflected;
      continue;
    }
    const outside = reflected < values[worst]!;
    along(centroid, outside ? trial : worstPoint, 0.5, trial2, lower, upper);
    const contracted = safeValue(objective(trial2));
    evaluations++;
    if (contracted < (outside ? reflected : values[worst]!)) {
      worstPoint.set(trial2);
      values[worst] = contracted;
      continue;
    }
    const bestPoint = points[best]!;
    for (let k = 1; k <= n; k++) {
      const p = points[order[k]!]!;
      for (let j = 0; j < n; j++) p[j] = bestPoint[j]! + 0.5 * (p[j]! - bestPoint[j]!);
      clampInto(p, lower, upper);
      values[order[k]!] = safeValue(objective(p));
      evaluations++;
    }
  }
  let bestIndex = 0;
  for (let i = 1; i <= n; i++) if (values[i]! < values[bestIndex]!) bestIndex = i;
  return { x: Float64Array.from(points[bestIndex]!), value: values[bestIndex]!, evaluations };
}

function safeValue(v: number): number {
  return Number.isFinite(v) ? v : Infinity;
}

function clampInto(x: Float64Array, lower: ArrayLike<number>, upper: ArrayLike<number>): void {
  for (let j = 0; j < x.length; j++) x[j] = Math.min(upper[j]!, Math.max(lower[j]!, x[j]!));
}

/** out = centroid + coefficient * (from - centroid), clamped into the box. */
function along(centroid: Float64Array, from: Float64Array, coefficient: number, out: Float64Array, lower: ArrayLike<number>, upper: ArrayLike<number>): void {
  for (let j = 0; j < out.length; j++) out[j] = centroid[j]! + coefficient * (from[j]! - centroid[j]!);
  clampInto(out, lower, upper);
}

/**
 * Brent's (1973) minimiser on [lower, upper]: golden-section steps with parabolic
 * interpolation, tolerance on x.
 */
export function brentMinimize(
  objective: (x: number) => number,
  lower: number,
  upper: number,
  tolerance = 1e-5,
  maxEvaluations = 60,
): { x: number; value: number; evaluations: number } {
  const golden = 0.3819660112501051;
  let a = lower;
  let b = upper;
  let x = a + golden * (b - a);
  let w = x;
  let v = x;
  let fx = objective(x);
  let fw = fx;
  let fv = fx;
  let d = 0;
  let e = 0;
  let evaluations = 1;
  while (evaluations < maxEvaluations) {
    const middle = 0.5 * (a + b);
    const tol1 = tolerance * Math.abs(x) + 1e-10;
    const tol2 = 2 * tol1;
    if (Math.abs(x - middle) <= tol2 - 0.5 * (b - a)) break;
    let useGolden = true;
    if (Math.abs(e) > tol1) {
      const r = (x - w) * (fx - fv);
      let q = (x - v) * (fx - fw);
      let p = (x - v) * q - (x - w) * r;
      q = 2 * (q - r);
      if (q > 0) p = -p;
      else q = -q;
      if (Math.abs(p) < Math.abs(0.5 * q * e) && p > q * (a - x) && p < q * (b - x)) {
        e = d;
        d = p / q;
        const u = x + d;
        if (u - a < tol2 || b - u < tol2) d = x < middle ? tol1 : -tol1;
        useGolden = false;
      }
    }
    if (useGolden) {
      e = (x < middle ? b : a) - x;
      d = golden * e;
    }
    const u = Math.abs(d) >= tol1 ? x + d : x + (d > 0 ? tol1 : -tol1);
    const fu = objective(u);
    evaluations++;
    if (fu <= fx) {
      if (u < x) b = x;
      else a = x;
      v = w; fv = fw;
      w = x; fw = fx;
      x = u; fx = fu;
    } else {
      if (u < x) a = u;
      else b = u;
      if (fu <= fw || w === x) {
        v = w; fv = fw;
        w = u; fw = fu;
      } else if (fu <= fv || v === x || v === w) {
        v = u; fv = fu;
      }
    }
  }
  return { x, value: fx, evaluations };
}
