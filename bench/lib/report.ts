/** One line of the result table. */
export type Row = {
  measurement: string;
  value: string;
  baseline: string;
  ratio: number | undefined;
  target: string;
  /** undefined when the measurement has no target (context only). */
  pass: boolean | undefined;
};

const HEADERS = ['measurement', 'value', 'baseline', 'ratio', 'target', 'result'] as const;

export function formatTable(rows: readonly Row[]): string {
  const cells = rows.map((row) => [
    row.measurement,
    row.value,
    row.baseline,
    row.ratio === undefined ? '' : row.ratio.toFixed(2),
    row.target,
    row.pass === undefined ? '' : row.pass ? 'pass' : 'MISS',
  ]);
  const widths = HEADERS.map((header, i) => Math.max(header.length, ...cells.map((c) => c[i]!.length)));
  const line = (values: readonly string[]): string =>
    values
      .map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(HEADERS), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

export function perSec(value: number, unit: string): string {
  return `${Math.round(value).toLocaleString('en-US')} ${unit}/s`;
}

export function ms(value: number): string {
  return `${Math.round(value)} ms`;
}
