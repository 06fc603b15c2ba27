import { join, relative, resolve } from 'node:path';
import { runSuites } from '../../runner/run-suites';
import { resolveTarget } from '../../targets/registry';
import { recordGoldens } from '../../golden/record';
import { DEFAULT_GOLDEN_DIR } from '../../golden/golden-store';
import { loadSuites } from '../load-suites';
import { selectSuites } from '../select-suites';
import type { CliIo } from '../io';
import type { SuiteDefinition } from '../../runner/suite';

export interface RecordCommandOptions {
  target: string;
  endpoint?: string;
  suite?: string;
  goldenDir?: string;
  suites?: readonly SuiteDefinition[];
  today?: Date;
}

/**
 * `idchain record`: run the cases on a target and write what it answered as
 * that target's goldens. Exit 1 when a case failed its contract: its golden
 * is still written (it is what the target did), and the summary says so.
 */
export async function recordCommand(opts: RecordCommandOptions, io: CliIo): Promise<number> {
  const suites = selectSuites(opts.suites ?? loadSuites(), opts.suite);
  const goldenDir = resolve(opts.goldenDir ?? DEFAULT_GOLDEN_DIR);
  const target = resolveTarget({ name: opts.target, endpoint: opts.endpoint });
  const log = (line: string) => io.err(`[idchain] ${line}`);
  const started = await target.start({ log });
  try {
    const run = await runSuites({ target: started, suites, log });
    const outcome = recordGoldens(run, goldenDir, opts.today ?? new Date());
    const failed = run.cases.filter((c) => c.verdict === 'fail');
    const lines = [
      `recorded ${run.target}: ${outcome.written.length} golden(s) written, ${outcome.unchanged.length} unchanged, ${outcome.skipped.length} skipped, in ${relative(process.cwd(), join(goldenDir, run.target)) || goldenDir}`,
      ...outcome.skipped.map((s) => `  skipped ${s.id}: ${s.why}`),
      ...failed.map((c) => `  ${c.id} failed its contract on ${run.target}; its golden records what the target did (${c.findings.length} finding(s))`),
    ];
    io.out(lines.join('\n'));
    return failed.length + outcome.skipped.length > 0 ? 1 : 0;
  } finally {
    await started.stop();
  }
}
