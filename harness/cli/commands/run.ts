import { runContract } from '../../contract/run-contract';
import { DEFAULT_MAX_GOLDEN_AGE_DAYS } from '../../contract/run-contract';
import { consoleSummary } from '../../report/console-summary';
import type { SuiteDefinition } from '../../runner/suite';
import type { CliIo } from '../io';
import type { RunControl } from '../run-control';
import { formatCaseList, selectedCases } from '../case-list';
import { progressFor } from '../progress';
import { verdictExitCode } from '../verdict-exit-code';
import { parseMaxAge } from './max-golden-age';
import { weatherRequest, type WeatherFlags } from '../weather-flags';

export interface RunCommandOptions extends WeatherFlags {
  target: string;
  endpoint?: string;
  region?: string;
  suite?: string;
  /** `K/N`: only that share of the selected suites (checked here: a bad value is exit 2). */
  shard?: string;
  reportDir: string;
  json?: boolean;
  /** List the selected cases and stop: nothing is started or provisioned. */
  list?: boolean;
  /** Stop starting cases after the first that does not pass; teardown still runs. */
  bail?: boolean;
  /** The summary only: no line per case, no status line, no diagnostics. */
  quiet?: boolean;
  mutant?: string[];
  baseline?: string;
  maxGoldenAge?: string;
  goldenDir?: string;
  deviationsDir?: string;
  asRunner?: boolean;
  permissionsBoundary?: string;
  today?: Date;
  /** Injected in tests; defaults to suites/index.ts. */
  suites?: readonly SuiteDefinition[];
  /** Signals, deadline and timeouts (cli/run-control.ts). */
  control?: RunControl;
}

/** `idchain run`: the contract against one target, through runContract. Returns the exit code. */
export async function runCommand(opts: RunCommandOptions, io: CliIo): Promise<number> {
  const weather = weatherRequest(opts);
  const cases = selectedCases(opts);
  if (opts.shard && cases.length === 0) io.err(`[idchain] --shard ${opts.shard}: this shard has no suites (the selection has fewer suites than shards); it runs nothing and passes`);
  if (opts.list) {
    io.out(formatCaseList(cases, opts.json));
    return 0;
  }
  const progress = progressFor(io, { total: cases.length, quiet: opts.quiet, json: opts.json });
  const log = (line: string) => progress.log(line);
  const { control } = opts;
  const bail = new AbortController();
  try {
    const { report, reportDir } = await runContract({
      target: opts.target,
      endpoint: opts.endpoint,
      region: opts.region,
      mutants: opts.mutant,
      asRunner: opts.asRunner,
      permissionsBoundary: opts.permissionsBoundary,
      ...weather,
      suite: opts.suite,
      shard: opts.shard,
      suites: opts.suites,
      baseline: opts.baseline,
      goldenDir: opts.goldenDir,
      deviationsDir: opts.deviationsDir,
      maxGoldenAgeDays: parseMaxAge(opts.maxGoldenAge, DEFAULT_MAX_GOLDEN_AGE_DAYS),
      reportDir: opts.reportDir,
      today: opts.today,
      signal: control?.signal,
      stopNewCases: bail.signal,
      timeouts: control?.limits.http,
      teardownTimeoutMs: control?.limits.teardownTimeoutMs,
      log,
      onCase: (c) => {
        progress.onCase(c);
        // --bail: cases not yet started end as `error` with this reason; those running finish.
        if (opts.bail && (c.verdict === 'fail' || c.verdict === 'error') && !bail.signal.aborted && !control?.signal.aborted) {
          log(`--bail: ${c.id} did not pass; starting no more cases, then tearing down`);
          bail.abort(`not run: --bail stopped the run after ${c.id} did not pass`);
        }
      },
    });
    progress.finish();
    if (opts.json) io.out(JSON.stringify(report, null, 2));
    else io.out(`${opts.quiet ? '' : '\n'}${consoleSummary(report, `${reportDir}/report.md`, { table: false })}`);
    return verdictExitCode(report, io);
  } finally {
    progress.finish();
  }
}
