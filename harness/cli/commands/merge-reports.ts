import { join, resolve } from 'node:path';
import { mergeShardReports } from '../../report/merge-reports';
import { consoleSummary } from '../../report/console-summary';
import { locateReport, readShardReport } from '../../report/read-report';
import { checkWritableDir } from '../../report/writable-dir';
import { writeReportFiles } from '../../report/write-report';
import type { CliIo } from '../io';
import { verdictExitCode } from '../verdict-exit-code';

export interface MergeReportsCommandOptions {
  /** Each a run's report dir, its `<target>/` folder, or a report.json. */
  dirs: string[];
  /** Where the merged `<target>/report.{json,md,html}` and junit.xml go. */
  out: string;
  /** Print the merged report.json on stdout instead of the summary. */
  json?: boolean;
}

/**
 * `idchain merge-reports DIR… --out DIR`: the shards of one run (`run --shard
 * K/N` in each CI job) as one report, every case exactly once. Everything is
 * read and checked before anything is written: a missing or malformed
 * report, or inputs that are not the shards of one run, is exit 2. Otherwise
 * the exit code is the merged cases' as `run` gives it: 0 all passed, 1 not.
 */
export async function mergeReportsCommand(opts: MergeReportsCommandOptions, io: CliIo): Promise<number> {
  const inputs = opts.dirs.map((arg) => readShardReport(locateReport(arg)));
  const merged = mergeShardReports(inputs);
  const out = resolve(opts.out);
  checkWritableDir(out, '--out');
  const { dir, report } = writeReportFiles(merged, out);
  if (opts.json) io.out(JSON.stringify(report, null, 2));
  else {
    const shards = report.merged.shards.map((s) => `${s.index}/${report.merged.count} (${s.cases} cases)`).join(', ');
    io.out(`merged shards ${shards}\n${consoleSummary(report, join(dir, 'report.md'), { table: false })}`);
  }
  return verdictExitCode(report, io);
}
