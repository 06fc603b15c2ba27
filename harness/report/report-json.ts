import { redact } from '../secrets/redact';
import { summarize, type RunResult } from '../runner/result';
import { weatherJson } from './weather-report';

/**
 * The report.json other tools read (DESIGN.md § CLI contract). Keys named
 * there are kept as written (a weathered run's `weather` and `criticalPathMs` too); `error`, `source`, `table`,
 * `matrix`, `leftovers`, `baseline`, `shard`, `criticalPath` and weather's `scale` and `callsPerService` are additions.
 * Raw steps are never included; everything passes the redactor.
 */
export function toReportJson(run: RunResult) {
  return redact({
    target: run.target,
    provenance: run.provenance,
    startedAt: run.startedAt,
    durationMs: run.durationMs,
    summary: summarize(run.cases),
    cases: run.cases.map((c) => ({
      id: c.id,
      suite: c.suite,
      title: c.title,
      verdict: c.verdict,
      durationMs: c.durationMs,
      citations: c.citations,
      findings: c.findings.map((f) => ({ path: f.path, kind: f.kind, expected: f.expected, actual: f.actual, ...(f.source ? { source: f.source } : {}) })),
      ...(c.error ? { error: c.error } : {}),
      ...(c.table ? { table: c.table } : {}),
      ...(c.matrix ? { matrix: c.matrix } : {}),
    })),
    leftovers: run.leftovers,
    ...(run.baseline ? { baseline: run.baseline } : {}),
    ...(run.shard ? { shard: run.shard } : {}),
    ...weatherJson(run),
  });
}

export type ReportJson = ReturnType<typeof toReportJson>;
