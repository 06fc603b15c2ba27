import type { ConformanceReport } from './conformance-model';
import { show } from './format';

const MARK: Record<string, string> = { pass: '✅', fail: '❌', unsupported: '➖', error: '⚠️', unavailable: '·' };

/** The most telling difference of a cell, in one line. */
export function headline(findings: ConformanceReport['cases'][number]['results'][string]['findings']): string | undefined {
  const open = findings.filter((f) => f.kind !== 'deviation');
  const pick = open.find((f) => f.kind === 'contract' || f.kind === 'unexpected-success' || f.kind === 'unexpected-error') ?? open[0];
  return pick ? `${pick.path}: expected ${show(pick.expected)}, got ${show(pick.actual)}` : undefined;
}

/** conformance.md: one row per case, one column per target, then each target's departures. */
export function toConformanceMarkdown(report: ConformanceReport): string {
  const names = report.targets.map((t) => t.name);
  const lines = [
    '# idchain conformance',
    '',
    `Started ${report.startedAt}. Baseline: ${report.baseline ?? 'contract only'}. ✅ pass · ❌ fail · ➖ unsupported · ⚠️ error · · target unavailable`,
    '',
    '| target | pass | fail | unsupported | error |',
    '|---|---|---|---|---|',
    ...report.targets.map((t) =>
      t.summary
        ? `| ${t.name} ${t.provenance?.targetVersion ?? ''} | ${t.summary.pass} | ${t.summary.fail} | ${t.summary.unsupported} | ${t.summary.error} |`
        : `| ${t.name} | unavailable: ${t.unavailableReason ?? ''} | | | |`,
    ),
    '',
    `| case | ${names.join(' | ')} |`,
    `|---|${names.map(() => '---').join('|')}|`,
    ...report.cases.map((c) => `| \`${c.id}\` | ${names.map((n) => MARK[c.results[n].verdict]).join(' | ')} |`),
    '',
  ];
  for (const t of report.targets.filter((x) => x.available && x.name !== 'reference')) {
    const departures = report.cases
      .map((c) => ({ id: c.id, cell: c.results[t.name] }))
      .filter((x) => x.cell.verdict === 'fail' || x.cell.verdict === 'error');
    if (departures.length === 0) continue;
    lines.push(`## ${t.name}: where it departs`, '');
    for (const d of departures) lines.push(`- \`${d.id}\` — ${d.cell.verdict === 'error' ? `error: ${d.cell.error}` : headline(d.cell.findings)}`);
    lines.push('');
  }
  return lines.join('\n');
}
