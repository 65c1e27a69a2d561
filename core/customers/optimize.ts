/**
 * Nelder–Mead simplex minimisation (Nelder & Mead 1965, with the standard coefficients
 * reflection 1, expansion 2, contraction ½, shrink ½ as in Lagarias et al. 1998).
 * Used for the few hyperparameters of the empirical-Bayes fits; derivative-free and
 * robust to the flat regions a marginal likelihood can have.
 */
export interface MinimizeOptions {
  /** Initial step per coordinate. */
  step?: number | number[];
  maxEvaluations?: number;
  /** Stop when the spread of function values in the simplex falls below this. */
  tolerance?: number;
}

export interface MinimizeResult {
  x: number[];
  value: number;
  evaluations: number;
}

export function nelderMead(objective: (x: number[]) => number, start: number[], options: MinimizeOptions = {}): MinimizeResult {
  const dim = start.length;
  const maxEvaluations = options.maxEvaluations ?? 200 * dim;
  const tolerance = options.tolerance ?? 1e-7;
  let evaluations = 0;
  const evaluate = (x: number[]): number => {
    evaluations++;
    const v = objective(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  const stepFor = (i: number): number => {
    const s = options.step;
    if (Array.isArray(s)) return s[i] ?? 0.5;
    return s ?? 0.5;
  };

  let simplex: { x: number[]; v: number }[] = [{ x: [...start], v: evaluate(start) }];
  for (let i = 0; i < dim; i++) {
    const x = [...start];
    x[i] = (x[i] ?? 0) + stepFor(i);
    simplex.push({ x, v: evaluate(x) });
  }

  const combine = (a: number[], b: number[], t: number): number[] => a.map((ai, i) => ai + t * (ai - (b[i] ?? 0)));

  while (evaluations < maxEvaluations) {
    simplex.sort((p, q) => p.v - q.v);
    const best = simplex[0]!;
    const worst = simplex[dim]!;
    if (Math.abs(worst.v - best.v) <= tolerance * (Math.abs(best.v) + tolerance)) break;
    const centroid = new Array<number>(dim).fill(0);
    for (let i = 0; i < dim; i++) for (let j = 0; j < dim; j++) centroid[j]! += simplex[i]!.x[j]! / dim;

    const reflected = combine(centroid, worst.x, 1);
    const reflectedValue = evaluate(reflected);
    const secondWorst = simplex[dim - 1]!;
    if (reflectedValue < best.v) {
      const expanded = combine(centroid, worst.x, 2);
      const expandedValue = evaluate(expanded);
      simplex[dim] = expandedValue < reflectedValue ? { x: expanded, v: expandedValue } : { x: reflected, v: reflectedValue };
      continue;
    }
    if (reflectedValue < secondWorst.v) {
      simplex[dim] = { x: reflected, v: reflectedValue };
      continue;
    }
    const outside = reflectedValue < worst.v;
    const contracted = outside ? combine(centroid, worst.x, 0.5) : combine(centroid, worst.x, -0.5);
    const contractedValue = evaluate(contracted);
    if (contractedValue < Math.min(reflectedValue, worst.v)) {
      simplex[dim] = { x: contracted, v: contractedValue };
      continue;
    }
    simplex = simplex.map((p, i) => {
      if (i === 0) return p;
      const x = p.x.map((xi, j) => best.x[j]! + 0.5 * (xi - best.x[j]!));
      return { x, v: evaluate(x) };
    });
  }
  simplex.sort((p, q) => p.v - q.v);
  return { x: simplex[0]!.x, value: simplex[0]!.v, evaluations };
}
