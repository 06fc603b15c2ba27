import { resolve } from 'node:path';
import { runSuites } from '../../runner/run-suites';
import { resolveTarget } from '../../targets/registry';
import { writeReport } from '../../report/write-report';
import { consoleSummary } from '../../report/console-summary';
import { loadSuites } from '../load-suites';
import { selectSuites } from '../select-suites';
import type { CliIo } from '../io';
import type { SuiteDefinition } from '../../cases/define';

export interface RunCommandOptions {
  target: string;
  endpoint?: string;
  suite?: string;
  reportDir: string;
  json?: boolean;
  mutant?: string[];
  /** Injected in tests; defaults to suites/index.ts. */
  suites?: readonly SuiteDefinition[];
}

/** `idchain run`: the contract against one target. Returns the exit code. */
export async function runCommand(opts: RunCommandOptions, io: CliIo): Promise<number> {
  const suites = selectSuites(opts.suites ?? loadSuites(), opts.suite);
  const target = resolveTarget({ name: opts.target, endpoint: opts.endpoint, mutants: opts.mutant });
  const log = (line: string) => io.err(`[idchain] ${line}`);
  const started = await target.start({ log });
  const controller = new AbortController();
  const release = io.onInterrupt?.(() => {
    log('interrupted: finishing the running cases and tearing down (Ctrl-C again to quit at once)');
    controller.abort();
  });
  try {
    const run = await runSuites({ target: started, suites, signal: controller.signal, log });
    const { dir, report } = writeReport(run, resolve(opts.reportDir));
    if (opts.json) io.out(JSON.stringify(report, null, 2));
    else io.out(consoleSummary(report, `${dir}/report.md`));
    if (controller.signal.aborted) return 130;
    return report.summary.fail + report.summary.error > 0 ? 1 : 0;
  } finally {
    release?.();
    await started.stop();
  }
}
