/** Small helpers shared by the benchmarks: percentiles and a target line. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function report(label: string, value: number, unit: string, target: { max?: number; min?: number }) {
  const pass =
    (target.max === undefined || value <= target.max) && (target.min === undefined || value >= target.min);
  const goal = target.max !== undefined ? `≤ ${target.max}` : `≥ ${target.min}`;
  console.log(
    `${pass ? "PASS" : "FAIL"}  ${label}: ${value.toFixed(value < 10 ? 2 : 0)} ${unit} (target ${goal} ${unit})`,
  );
  return pass;
}
