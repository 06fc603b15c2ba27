import { join, relative } from 'node:path';
import { recordContract } from '../../contract/record-contract';
import type { SuiteDefinition } from '../../runner/suite';
import type { CliIo } from '../io';
import type { RunControl } from '../run-control';
import { formatCaseList, selectedCases } from '../case-list';
import { progressFor } from '../progress';
import { weatherRequest, type WeatherFlags } from '../weather-flags';

export interface RecordCommandOptions extends WeatherFlags {
  target: string;
  endpoint?: string;
  region?: string;
  suite?: string;
  /** `K/N`: only that share of the selected suites. */
  shard?: string;
  goldenDir?: string;
  /** List the selected cases and stop: nothing is started or provisioned. */
  list?: boolean;
  /** The summary only: no line per case, no status line, no diagnostics. */
  quiet?: boolean;
  suites?: readonly SuiteDefinition[];
  today?: Date;
  control?: RunControl;
}

/**
 * `idchain record`: run the cases on a target and write what it answered as
 * that target's goldens, through recordContract. Exit 1 when a case failed
 * its contract: its golden is still written (it is what the target did), and
 * the summary says so.
 */
export async function recordCommand(opts: RecordCommandOptions, io: CliIo): Promise<number> {
  const weather = weatherRequest(opts);
  const cases = selectedCases(opts);
  if (opts.list) {
    io.out(formatCaseList(cases));
    return 0;
  }
  const progress = progressFor(io, { total: cases.length, quiet: opts.quiet });
  const { control, weather: _flag, seed: _seed, weatherScale: _scale, ...rest } = opts;
  let run;
  try {
    run = await recordContract({
      ...rest,
      ...weather,
      signal: control?.signal,
      timeouts: control?.limits.http,
      teardownTimeoutMs: control?.limits.teardownTimeoutMs,
      log: (line) => progress.log(line),
      onCase: (c) => progress.onCase(c),
    });
  } finally {
    progress.finish();
  }
  const { outcome, goldenDir } = run;
  const failed = run.cases.filter((c) => c.verdict === 'fail');
  const lines = [
    `recorded ${run.target}: ${outcome.written.length} golden(s) written, ${outcome.unchanged.length} unchanged, ${outcome.skipped.length} skipped, in ${relative(process.cwd(), join(goldenDir, run.target)) || goldenDir}`,
    ...(run.shard ? [`  shard ${run.shard.index}/${run.shard.count}: ${run.shard.suites.join(', ') || 'no suite'} (${run.cases.length} of ${run.shard.selection.cases} cases)`] : []),
    ...outcome.skipped.map((s) => `  skipped ${s.id}: ${s.why}`),
    ...failed.map((c) => `  ${c.id} failed its contract on ${run.target}; its golden records what the target did (${c.findings.length} finding(s))`),
  ];
  io.out(`${opts.quiet ? '' : '\n'}${lines.join('\n')}`);
  return failed.length + outcome.skipped.length > 0 ? 1 : 0;
}
