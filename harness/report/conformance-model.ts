import type { ReportJson } from './report-json';

export interface ConformanceTarget {
  name: string;
  /** False when the target could not be started or reached. */
  available: boolean;
  unavailableReason?: string;
  provenance?: ReportJson['provenance'];
  summary?: ReportJson['summary'];
  durationMs?: number;
}

export interface ConformanceCell {
  verdict: 'pass' | 'fail' | 'unsupported' | 'error' | 'unavailable';
  findings: ReportJson['cases'][number]['findings'];
  error?: string;
}

/** `conformance.json`: cases × targets, with per-cell findings (DESIGN.md § CLI contract). */
export interface ConformanceReport {
  startedAt: string;
  durationMs: number;
  baseline?: string;
  targets: ConformanceTarget[];
  cases: { id: string; suite: string; title: string; results: Record<string, ConformanceCell> }[];
}

/** Fold per-target reports into one matrix. Cases keep the order of the first report that has them. */
export function buildMatrix(
  startedAt: string,
  durationMs: number,
  baseline: string | undefined,
  targets: { name: string; report?: ReportJson; unavailableReason?: string }[],
): ConformanceReport {
  const order: { id: string; suite: string; title: string }[] = [];
  const seen = new Set<string>();
  for (const t of targets) for (const c of t.report?.cases ?? []) if (!seen.has(c.id)) (seen.add(c.id), order.push({ id: c.id, suite: c.suite, title: c.title }));
  return {
    startedAt,
    durationMs,
    baseline,
    targets: targets.map((t) => ({
      name: t.name,
      available: t.report !== undefined,
      unavailableReason: t.unavailableReason,
      provenance: t.report?.provenance,
      summary: t.report?.summary,
      durationMs: t.report?.durationMs,
    })),
    cases: order.map((c) => ({
      ...c,
      results: Object.fromEntries(
        targets.map((t) => {
          const r = t.report?.cases.find((x) => x.id === c.id);
          const cell: ConformanceCell = r
            ? { verdict: r.verdict, findings: r.findings, ...('error' in r && r.error ? { error: r.error as string } : {}) }
            : { verdict: 'unavailable', findings: [], error: t.unavailableReason };
          return [t.name, cell];
        }),
      ),
    })),
  };
}
