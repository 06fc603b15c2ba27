import { seconds } from './format';
import type { ReportJson } from './report-json';
import type { MergedRecord } from './merge-reports';

/**
 * One sentence on how the run was cut, for report.md and report.html: which
 * share a shard's report is, or which shards a merged one was made of and
 * what its times mean. Undefined for a whole run.
 */
export function shardNote(report: ReportJson): string | undefined {
  const merged = (report as { merged?: MergedRecord }).merged;
  if (merged) {
    const each = merged.shards.map((s) => `${s.index}/${merged.count}: ${s.cases} cases in ${seconds(s.durationMs)}`).join('; ');
    return `Merged from ${merged.count} shards (${each}); the time above is the longest shard's, ${seconds(merged.durationMsSum)} in all.`;
  }
  if (report.shard) {
    const { index, count, suites, selection } = report.shard;
    return `Shard ${index}/${count}: ${suites.length} of ${selection.suites.length} suites (${suites.join(', ') || 'none'}), ${report.summary.total} of ${selection.cases} cases.`;
  }
  return undefined;
}
