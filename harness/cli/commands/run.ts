import { runContract } from '../../contract/run-contract';
import { DEFAULT_MAX_GOLDEN_AGE_DAYS } from '../../contract/run-contract';
import { consoleSummary } from '../../report/console-summary';
import type { SuiteDefinition } from '../../runner/suite';
import type { CliIo } from '../io';
import type { RunControl } from '../run-control';
import { parseMaxAge } from './max-golden-age';

export interface RunCommandOptions {
  target: string;
  endpoint?: string;
  region?: string;
  suite?: string;
  reportDir: string;
  json?: boolean;
  mutant?: string[];
  baseline?: string;
  maxGoldenAge?: string;
  goldenDir?: string;
  deviationsDir?: string;
  today?: Date;
  /** Injected in tests; defaults to suites/index.ts. */
  suites?: readonly SuiteDefinition[];
  /** Signals, deadline and timeouts (cli/run-control.ts). */
  control?: RunControl;
}

/** `idchain run`: the contract against one target, through runContract. Returns the exit code. */
export async function runCommand(opts: RunCommandOptions, io: CliIo): Promise<number> {
  const log = (line: string) => io.err(`[idchain] ${line}`);
  const { control } = opts;
  const { report, reportDir } = await runContract({
    target: opts.target,
    endpoint: opts.endpoint,
    region: opts.region,
    mutants: opts.mutant,
    suite: opts.suite,
    suites: opts.suites,
    baseline: opts.baseline,
    goldenDir: opts.goldenDir,
    deviationsDir: opts.deviationsDir,
    maxGoldenAgeDays: parseMaxAge(opts.maxGoldenAge, DEFAULT_MAX_GOLDEN_AGE_DAYS),
    reportDir: opts.reportDir,
    today: opts.today,
    signal: control?.signal,
    timeouts: control?.limits.http,
    teardownTimeoutMs: control?.limits.teardownTimeoutMs,
    log,
  });
  if (opts.json) io.out(JSON.stringify(report, null, 2));
  else io.out(consoleSummary(report, `${reportDir}/report.md`));
  const { total, pass, fail, error, unsupported } = report.summary;
  if (total > 0 && pass + fail === 0) {
    // Only when no case got as far as a verdict on the target: a run whose cases all failed did check something.
    io.err(`[idchain] no case ran to a verdict on ${report.target} (${unsupported} unsupported, ${error} error): nothing was checked`);
    return 1;
  }
  return fail + error > 0 ? 1 : 0;
}
