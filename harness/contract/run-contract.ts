import { resolve } from 'node:path';
import { applyBaseline, judgeCase, loadBaselineGoldens, type BaselineOptions, type Judgement } from '../golden/apply-baseline';
import { chooseBaseline } from '../golden/choose-baseline';
import { loadDeviations } from '../golden/deviations';
import { DEFAULT_GOLDEN_DIR } from '../golden/golden-store';
import type { ReportJson } from '../report/report-json';
import { toReportJson } from '../report/report-json';
import { writeReport } from '../report/write-report';
import { checkWritableDir } from '../report/writable-dir';
import type { CaseResult, RunResult } from '../runner/result';
import { runSuites } from '../runner/run-suites';
import { resolveContract, startTarget, type ContractTargetOptions } from './contract-options';

/** Goldens not validated for this long are reported stale. */
export const DEFAULT_MAX_GOLDEN_AGE_DAYS = 30;

export interface RunContractOptions extends ContractTargetOptions {
  /** The golden set to compare with; by default `aws` when recorded, else `reference`; `false` checks the contract only. */
  baseline?: string | false;
  /** Where goldens live; fixtures/golden by default. */
  goldenDir?: string;
  deviationsDir?: string;
  maxGoldenAgeDays?: number;
  /** When given, report.json, report.md, report.html and junit.xml are written to `<reportDir>/<target>/`. */
  reportDir?: string;
  /** The day goldens are aged against; today by default. */
  today?: Date;
}

/** A contract run: every case's result, and the report as report.json holds it. */
export interface ContractRun extends RunResult {
  /** `{ total, pass, fail, unsupported, error }`, the same as report.json's. */
  summary: ReportJson['summary'];
  /** report.json's content, redacted. */
  report: ReportJson;
  /** Where the reports were written, when `reportDir` was given. */
  reportDir?: string;
}

/**
 * Run the contract on one target (the reference emulator by default):
 * provision each suite's fixture, run its cases, tear everything down,
 * compare each case with its baseline golden. Everything that can be wrong
 * with the options is found before the target starts (UsageError, nothing
 * created); a target that cannot start is TargetUnavailableError.
 */
export async function runContract(options: RunContractOptions = {}): Promise<ContractRun> {
  const goldenDir = resolve(options.goldenDir ?? DEFAULT_GOLDEN_DIR);
  const { suites, target, shard } = resolveContract(options, goldenDir);
  const baseline = options.baseline === false ? undefined : chooseBaseline(options.baseline, goldenDir);
  const deviations = loadDeviations(target.name, options.deviationsDir);
  const goldens = baseline ? loadBaselineGoldens(goldenDir, baseline, suites) : new Map();
  if (options.reportDir) checkWritableDir(options.reportDir);
  const { started, stop, permissionsBoundary } = await startTarget(target, options.log, options);
  try {
    const compare: BaselineOptions = { baseline, goldens, deviations, maxAgeDays: options.maxGoldenAgeDays ?? DEFAULT_MAX_GOLDEN_AGE_DAYS, today: options.today ?? new Date() };
    // Each case is judged once, as it finishes (onCase hears its final verdict then), and the
    // report takes that judgement: normalizing every case twice cost the busy main thread.
    const judged = new Map<CaseResult, Judgement>();
    const judge = (c: CaseResult): Judgement => {
      let judgement = judged.get(c);
      if (!judgement) judged.set(c, (judgement = judgeCase(c, started.region, compare)));
      return judgement;
    };
    const onCase = (c: CaseResult) => {
      const { result } = judge(c);
      options.onCase?.(result);
    };
    const raw = await runSuites({ target: started, suites, ledgerDir: options.ledgerDir, retry: options.retry, permissionsBoundary, concurrency: options.concurrency, rateLimit: options.rateLimit, signal: options.signal, stopNewCases: options.stopNewCases, timeouts: options.timeouts, teardownTimeoutMs: options.teardownTimeoutMs, log: options.log, onCase });
    const run: RunResult = { ...applyBaseline(raw, compare, judge), ...(shard ? { shard } : {}) };
    if (options.reportDir) {
      const { dir, report } = writeReport(run, resolve(options.reportDir));
      return { ...run, summary: report.summary, report, reportDir: dir };
    }
    const report = toReportJson(run);
    return { ...run, summary: report.summary, report };
  } finally {
    await stop();
  }
}
