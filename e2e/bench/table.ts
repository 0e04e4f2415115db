/** One row of the bench table: a figure, the reference measured in the same run, and the target. */
export interface BenchRow {
  /** Issue 6 numbering: "1", "2a", … */
  id: string;
  name: string;
  /** The measured figure (null when not measured). */
  figure: number | null;
  unit: string;
  /** What the figure is compared with, measured in the same run (null when the target is absolute). */
  reference: number | null;
  referenceName?: string;
  /** figure / reference (null without a reference). */
  ratio: number | null;
  /** Human-readable target, e.g. "≤ 0.5× SDK". */
  target: string;
  /** null when there is no target or nothing was measured. */
  met: boolean | null;
  note?: string;
}

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  chromium: string;
}

export interface BenchReport {
  startedAt: string;
  durationMs: number;
  machine: MachineInfo;
  rows: BenchRow[];
}

/** A row that could not be measured, with the reason. */
export function notMeasured(id: string, name: string, target: string, reason: string): BenchRow {
  return { id, name, figure: null, unit: '', reference: null, ratio: null, target, met: null, note: reason };
}

/** figure / reference, or null when either is missing or the reference is 0. */
export function ratioOf(figure: number | null, reference: number | null): number | null {
  if (figure === null || reference === null || reference === 0) return null;
  return figure / reference;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
}

/** Three significant digits, plain notation for everyday magnitudes. */
export function formatNumber(value: number | null): string {
  if (value === null) return '—';
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs === 0) return '0';
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  return Number(value.toPrecision(3)).toString();
}

const metText = (met: boolean | null): string => (met === null ? '—' : met ? 'yes' : 'NO');

/** The rows as an aligned plain-text table (notes listed under it). */
export function formatTable(rows: readonly BenchRow[]): string {
  const header = ['#', 'measure', 'figure', 'reference', 'ratio', 'target', 'met'];
  const body = rows.map((row) => [
    row.id,
    row.name,
    row.figure === null ? 'not measured' : `${formatNumber(row.figure)} ${row.unit}`.trim(),
    row.reference === null
      ? '—'
      : `${formatNumber(row.reference)} ${row.unit}${row.referenceName ? ` (${row.referenceName})` : ''}`,
    row.ratio === null ? '—' : `${formatNumber(row.ratio)}×`,
    row.target,
    metText(row.met),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...body.map((cells) => (cells[column] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ');
  const separator = widths.map((width) => '-'.repeat(width)).join('-|-');
  const notes = rows.filter((row) => row.note).map((row) => `  [${row.id}] ${row.note ?? ''}`);
  return [line(header), separator, ...body.map(line), ...(notes.length ? ['', 'Notes:', ...notes] : [])].join(
    '\n',
  );
}

export function formatMachine(machine: MachineInfo): string {
  return `${machine.cpu} · ${machine.cores} cores · ${machine.memoryGiB} GiB · ${machine.os} · Node ${machine.node} · Chromium ${machine.chromium}`;
}
