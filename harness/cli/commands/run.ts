import { resolve } from 'node:path';
import { runSuites } from '../../runner/run-suites';
import { resolveTarget } from '../../targets/registry';
import { writeReport } from '../../report/write-report';
import { consoleSummary } from '../../report/console-summary';
import { loadSuites } from '../load-suites';
import { selectSuites } from '../select-suites';
import type { CliIo } from '../io';
import type { SuiteDefinition } from '../../runner/suite';
import { applyBaseline, loadBaselineGoldens } from '../../golden/apply-baseline';
import { loadDeviations } from '../../golden/deviations';
import { DEFAULT_GOLDEN_DIR } from '../../golden/golden-store';
import { chooseBaseline, parseMaxAge } from './baseline-choice';

/** Goldens not validated for this long are reported stale. */
export const DEFAULT_MAX_GOLDEN_AGE_DAYS = 30;

export interface RunCommandOptions {
  target: string;
  endpoint?: string;
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
}

/** `idchain run`: the contract against one target. Returns the exit code. */
export async function runCommand(opts: RunCommandOptions, io: CliIo): Promise<number> {
  const suites = selectSuites(opts.suites ?? loadSuites(), opts.suite);
  const target = resolveTarget({ name: opts.target, endpoint: opts.endpoint, mutants: opts.mutant });
  // Everything that can be wrong with the configuration is checked before the target starts.
  const goldenDir = resolve(opts.goldenDir ?? DEFAULT_GOLDEN_DIR);
  const baseline = chooseBaseline(opts.baseline, goldenDir);
  const maxAgeDays = parseMaxAge(opts.maxGoldenAge, DEFAULT_MAX_GOLDEN_AGE_DAYS);
  const deviations = loadDeviations(target.name, opts.deviationsDir);
  const goldens = loadBaselineGoldens(goldenDir, baseline, suites);
  const log = (line: string) => io.err(`[idchain] ${line}`);
  const started = await target.start({ log });
  const controller = new AbortController();
  const release = io.onInterrupt?.(() => {
    log('interrupted: finishing the running cases and tearing down (Ctrl-C again to quit at once)');
    controller.abort();
  });
  try {
    const raw = await runSuites({ target: started, suites, signal: controller.signal, log });
    const run = applyBaseline(raw, { baseline, goldens, deviations, maxAgeDays, today: opts.today ?? new Date() });
    const { dir, report } = writeReport(run, resolve(opts.reportDir));
    if (opts.json) io.out(JSON.stringify(report, null, 2));
    else io.out(consoleSummary(report, `${dir}/report.md`));
    if (controller.signal.aborted) return 130;
    if (report.summary.pass === 0 && report.summary.total > 0) {
      // Every case unsupported: nothing was checked, so nothing passed.
      io.err(`[idchain] no case could run on ${report.target}: nothing was checked`);
      return 1;
    }
    return report.summary.fail + report.summary.error > 0 ? 1 : 0;
  } finally {
    release?.();
    await started.stop();
  }
}
