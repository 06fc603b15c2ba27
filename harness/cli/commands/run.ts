import { runContract } from '../../contract/run-contract';
import { DEFAULT_MAX_GOLDEN_AGE_DAYS } from '../../contract/run-contract';
import { consoleSummary } from '../../report/console-summary';
import type { SuiteDefinition } from '../../runner/suite';
import type { CliIo } from '../io';
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
  asRunner?: boolean;
  permissionsBoundary?: string;
  today?: Date;
  /** Injected in tests; defaults to suites/index.ts. */
  suites?: readonly SuiteDefinition[];
}

/** `idchain run`: the contract against one target, through runContract. Returns the exit code. */
export async function runCommand(opts: RunCommandOptions, io: CliIo): Promise<number> {
  const log = (line: string) => io.err(`[idchain] ${line}`);
  const controller = new AbortController();
  const release = io.onInterrupt?.(() => {
    log('interrupted: finishing the running cases and tearing down (Ctrl-C again to quit at once)');
    controller.abort();
  });
  try {
    const { report, reportDir } = await runContract({
      target: opts.target,
      endpoint: opts.endpoint,
      region: opts.region,
      mutants: opts.mutant,
      asRunner: opts.asRunner,
      permissionsBoundary: opts.permissionsBoundary,
      suite: opts.suite,
      suites: opts.suites,
      baseline: opts.baseline,
      goldenDir: opts.goldenDir,
      deviationsDir: opts.deviationsDir,
      maxGoldenAgeDays: parseMaxAge(opts.maxGoldenAge, DEFAULT_MAX_GOLDEN_AGE_DAYS),
      reportDir: opts.reportDir,
      today: opts.today,
      signal: controller.signal,
      log,
    });
    if (opts.json) io.out(JSON.stringify(report, null, 2));
    else io.out(consoleSummary(report, `${reportDir}/report.md`));
    if (controller.signal.aborted) return 130;
    if (report.summary.pass === 0 && report.summary.total > 0) {
      // Every case unsupported: nothing was checked, so nothing passed.
      io.err(`[idchain] no case could run on ${report.target}: nothing was checked`);
      return 1;
    }
    return report.summary.fail + report.summary.error > 0 ? 1 : 0;
  } finally {
    release?.();
  }
}
