/** Small statistics for benchmark tables: medians of timings, rank agreement of two scorings. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function timeRuns(repeats: number, run: () => unknown | Promise<unknown>): Promise<number[]> {
  const seconds: number[] = [];
  for (let i = 0; i < repeats; i += 1) {
    const start = performance.now();
    await run();
    seconds.push((performance.now() - start) / 1000);
  }
  return seconds;
}

/** Ranks with ties averaged, as Spearman's coefficient needs. */
function ranks(values: ArrayLike<number>): Float64Array {
  const order = Array.from({ length: values.length }, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const result = new Float64Array(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && values[order[j + 1]!] === values[order[i]!]) j += 1;
    for (let k = i; k <= j; k += 1) result[order[k]!] = (i + j) / 2;
    i = j + 1;
  }
  return result;
}

/** Spearman's rank correlation: Pearson's correlation of the ranks. */
export function spearman(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const ra = ranks(a);
  const rb = ranks(b);
  const n = ra.length;
  const mean = (n - 1) / 2;
  let cov = 0;
  let va = 0;
  let vb = 0;
  for (let i = 0; i < n; i += 1) {
    cov += (ra[i]! - mean) * (rb[i]! - mean);
    va += (ra[i]! - mean) ** 2;
    vb += (rb[i]! - mean) ** 2;
  }
  return cov / Math.sqrt(va * vb);
}

/** Share of the exact top k found in the estimated top k. */
export function topOverlap(exact: ArrayLike<number>, estimate: ArrayLike<number>, k: number): number {
  const top = (values: ArrayLike<number>) =>
    new Set(
      Array.from({ length: values.length }, (_, i) => i)
        .sort((a, b) => values[b]! - values[a]! || a - b)
        .slice(0, k),
    );
  const a = top(exact);
  const b = top(estimate);
  return [...a].filter((v) => b.has(v)).length / k;
}
