import { resolve } from 'node:path';
import { DEFAULT_GOLDEN_DIR } from '../golden/golden-store';
import { checkGoldensBeforeRecording, recordGoldens, type RecordOutcome } from '../golden/record';
import { summarize, type RunResult } from '../runner/result';
import { runSuites } from '../runner/run-suites';
import { resolveContract, startTarget, type ContractTargetOptions } from './contract-options';

export interface RecordContractOptions extends ContractTargetOptions {
  /** Where goldens are written, `<goldenDir>/<target>/<suite>/<case>.json`; fixtures/golden by default. */
  goldenDir?: string;
  /** The day written as recordedAt / lastValidatedAt; today by default. */
  today?: Date;
}

/** A recording: the run, its summary, and which goldens were written, left unchanged or skipped. */
export interface ContractRecording extends RunResult {
  summary: ReturnType<typeof summarize>;
  outcome: RecordOutcome;
  goldenDir: string;
}

/**
 * Run the contract on a target and write what it answered as that target's
 * goldens (labelled with the target: only real AWS writes `aws`). A case that
 * failed its contract still gets its golden — it is what the target did.
 */
export async function recordContract(options: RecordContractOptions = {}): Promise<ContractRecording> {
  const goldenDir = resolve(options.goldenDir ?? DEFAULT_GOLDEN_DIR);
  const { suites, target, shard } = resolveContract(options, goldenDir);
  checkGoldensBeforeRecording(goldenDir, target.name, suites.flatMap((s) => s.cases.map((c) => ({ suite: s.name, id: c.id }))));
  const { started, stop, permissionsBoundary } = await startTarget(target, options.log, options);
  try {
    const run = await runSuites({ target: started, suites, ledgerDir: options.ledgerDir, retry: options.retry, permissionsBoundary, concurrency: options.concurrency, rateLimit: options.rateLimit, signal: options.signal, stopNewCases: options.stopNewCases, timeouts: options.timeouts, teardownTimeoutMs: options.teardownTimeoutMs, log: options.log, onCase: options.onCase });
    const outcome = recordGoldens(run, goldenDir, options.today ?? new Date());
    return { ...run, ...(shard ? { shard } : {}), summary: summarize(run.cases), outcome, goldenDir };
  } finally {
    await stop();
  }
}
