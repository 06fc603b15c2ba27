import type { CaseResult, RunResult } from '../runner/result';
import { verdictOf } from '../runner/result';
import { compareSteps } from './compare';
import { applyDeviations } from './deviations';
import { normalizeCase } from './normalize';
import { goldenPath, readGolden } from './golden-store';
import type { DeviationsFile, GoldenFile } from './schema';
import type { SuiteDefinition } from '../runner/suite';

/**
 * Read and validate every golden the selected cases will be compared with,
 * before anything starts: a malformed golden is a configuration error (exit 2)
 * that should stop the run before any resource is created.
 */
export function loadBaselineGoldens(goldenDir: string, baseline: string, suites: readonly SuiteDefinition[]): Map<string, GoldenFile | undefined> {
  const goldens = new Map<string, GoldenFile | undefined>();
  for (const suite of suites) {
    for (const c of suite.cases) goldens.set(c.id, readGolden(goldenPath(goldenDir, baseline, suite.name, c.id), { target: baseline, suite: suite.name, caseId: c.id }));
  }
  return goldens;
}

export interface BaselineOptions {
  /** Baseline to compare with; undefined compares with nothing (contract only). */
  baseline?: string;
  /** The baseline's goldens by case id, from loadBaselineGoldens. */
  goldens: Map<string, GoldenFile | undefined>;
  deviations: DeviationsFile['deviations'];
  /** Goldens validated longer ago than this are reported stale. */
  maxAgeDays: number;
  today: Date;
}

const DAY_MS = 86_400_000;

export interface Judgement {
  result: CaseResult;
  missing: boolean;
  stale?: { id: string; lastValidatedAt: string };
}

/**
 * One case compared with its baseline golden: a `golden` finding per
 * difference (or `golden-missing`), the known deviations marked, the verdict
 * recomputed. Unsupported and errored cases keep their verdict. Pure, so a
 * run can show each case's final verdict as soon as it finishes.
 */
export function judgeCase(c: CaseResult, region: string, options: BaselineOptions): Judgement {
  let findings = c.findings;
  let missing = false;
  let stale: { id: string; lastValidatedAt: string } | undefined;
  if (options.baseline && (c.verdict === 'pass' || c.verdict === 'fail')) {
    const golden = options.goldens.get(c.id);
    if (!golden) {
      missing = true;
      findings = [...findings, { path: 'golden', kind: 'golden-missing', expected: `a ${options.baseline} golden for ${c.id}`, actual: 'none recorded' }];
    } else {
      findings = [...findings, ...compareSteps(golden.steps, normalizeCase(c, region), c.golden?.skip)];
      const age = (options.today.getTime() - Date.parse(`${golden.provenance.lastValidatedAt}T00:00:00Z`)) / DAY_MS;
      if (age > options.maxAgeDays) stale = { id: c.id, lastValidatedAt: golden.provenance.lastValidatedAt };
    }
  }
  findings = applyDeviations(c.id, findings, options.deviations);
  const result = { ...c, findings, verdict: c.verdict === 'error' || c.verdict === 'unsupported' ? c.verdict : verdictOf(findings) };
  return { result, missing, stale };
}

/**
 * {@link judgeCase} for every case of a run, with the baseline's missing and
 * stale goldens gathered. `judge` gives a case's judgement when the run
 * already made it (as each case finished, for live progress).
 */
export function applyBaseline(run: RunResult, options: BaselineOptions, judge: (c: CaseResult) => Judgement = (c) => judgeCase(c, run.provenance.region, options)): RunResult {
  const judgements = run.cases.map(judge);
  return {
    ...run,
    cases: judgements.map((j) => j.result),
    baseline: options.baseline
      ? { name: options.baseline, missing: judgements.filter((j) => j.missing).map((j) => j.result.id), stale: judgements.flatMap((j) => (j.stale ? [j.stale] : [])), maxAgeDays: options.maxAgeDays }
      : undefined,
  };
}
