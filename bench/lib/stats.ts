export const round = (n: number) => Math.round(n * 100) / 100;

/** Nearest-rank percentile of an ascending array (p in 0–100). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
