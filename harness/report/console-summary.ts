import type { ReportJson } from './report-json';
import { seconds, show } from './format';
import { wallRatio } from './weather-report';

const MARK: Record<string, string> = { pass: 'pass', fail: 'FAIL', unsupported: 'unsupported', error: 'ERROR' };

/**
 * What `idchain run` prints at the end: the findings of cases that did not
 * pass, then the totals. With `table` (the default) a case, verdict, time
 * table comes first; the CLI leaves it out, having shown each case live.
 * Built from the redacted report, like the files.
 */
export function consoleSummary(report: ReportJson, reportPath?: string, options: { table?: boolean } = {}): string {
  const lines: string[] = [];
  if (options.table ?? true) {
    const idWidth = Math.max(4, ...report.cases.map((c) => c.id.length));
    lines.push(`${'case'.padEnd(idWidth)}  ${'verdict'.padEnd(11)}  time`, `${'-'.repeat(idWidth)}  ${'-'.repeat(11)}  ------`);
    for (const c of report.cases) lines.push(`${c.id.padEnd(idWidth)}  ${MARK[c.verdict].padEnd(11)}  ${seconds(c.durationMs)}`);
    lines.push('');
  }
  // Errors many cases share (an interrupted or --bail run, a fixture that could not be provisioned) print once.
  const shared = new Map<string, string[]>();
  for (const c of report.cases) if (c.verdict === 'error' && c.findings.length === 0) shared.set(c.error ?? '', [...(shared.get(c.error ?? '') ?? []), c.id]);
  const bad = report.cases.filter((c) => c.verdict === 'fail' || (c.verdict === 'error' && (c.findings.length > 0 || shared.get(c.error ?? '')!.length === 1)));
  for (const c of bad) {
    lines.push(`${c.id}: ${c.title}`);
    if (c.error) lines.push(`  harness error: ${c.error}`);
    for (const f of c.findings) lines.push(`  ${f.path} (${f.kind}): expected ${show(f.expected)}, actual ${show(f.actual)}`);
  }
  const groups = [...shared].filter(([, ids]) => ids.length > 1);
  for (const [why, ids] of groups) lines.push(`${ids.length} cases, harness error: ${why || 'unknown'}${ids.length <= 3 ? ` (${ids.join(', ')})` : ''}`);
  if (bad.length + groups.length > 0) lines.push('');
  const s = report.summary;
  lines.push(`${report.target}: ${s.total} cases, ${s.pass} pass, ${s.fail} fail, ${s.unsupported} unsupported, ${s.error} error in ${seconds(report.durationMs)}`);
  if (report.shard) {
    const { index, count, suites, selection } = report.shard;
    lines.push(`shard ${index}/${count}: ${suites.length} of ${selection.suites.length} suites (${suites.join(', ') || 'none'}), ${s.total} of ${selection.cases} cases`);
  }
  if (report.baseline) {
    const b = report.baseline;
    lines.push(`compared with the ${b.name} goldens${b.missing.length ? `; ${b.missing.length} case(s) have none (record them with 'idchain record --target ${b.name}')` : ''}`);
    if (b.stale.length) lines.push(`${b.stale.length} golden(s) last validated more than ${b.maxAgeDays} days ago: ${b.stale.map((g) => g.id).join(', ')}`);
  }
  if (report.weather && report.criticalPathMs !== undefined) {
    const w = report.weather;
    lines.push(
      `weather ${w.profile}${w.seed !== null ? ` seed ${w.seed}` : ''} scale ${w.scale}: critical path ${seconds(report.criticalPathMs)}, wall/critical ${wallRatio(report.durationMs, report.criticalPathMs)}; ${w.calls} requests, ${w.retries} retries, ${w.throttled} throttled, ${w.transientFaults} transient faults`,
    );
  }
  if (report.leftovers.length) lines.push(`${report.leftovers.length} resource(s) could not be deleted; see the report and run 'idchain sweep'.`);
  if (reportPath) lines.push(`report: ${reportPath}`);
  return lines.join('\n');
}
