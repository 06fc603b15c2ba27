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

/**
 * Compare each case that ran with its baseline golden, add a `golden`
 * finding per difference (or `golden-missing`), mark the known deviations,
 * and recompute verdicts. Unsupported and errored cases are left as they are.
 */
export function applyBaseline(run: RunResult, options: BaselineOptions): RunResult {
  const missing: string[] = [];
  const stale: { id: string; lastValidatedAt: string }[] = [];
  const cases = run.cases.map((c): CaseResult => {
    let findings = c.findings;
    if (options.baseline && (c.verdict === 'pass' || c.verdict === 'fail')) {
      const golden = options.goldens.get(c.id);
      if (!golden) {
        missing.push(c.id);
        findings = [...findings, { path: 'golden', kind: 'golden-missing', expected: `a ${options.baseline} golden for ${c.id}`, actual: 'none recorded' }];
      } else {
        findings = [...findings, ...compareSteps(golden.steps, normalizeCase(c, run.provenance.region), c.golden?.skip)];
        const age = (options.today.getTime() - Date.parse(`${golden.provenance.lastValidatedAt}T00:00:00Z`)) / DAY_MS;
        if (age > options.maxAgeDays) stale.push({ id: c.id, lastValidatedAt: golden.provenance.lastValidatedAt });
      }
    }
    findings = applyDeviations(c.id, findings, options.deviations);
    return { ...c, findings, verdict: c.verdict === 'error' || c.verdict === 'unsupported' ? c.verdict : verdictOf(findings) };
  });
  return {
    ...run,
    cases,
    baseline: options.baseline ? { name: options.baseline, missing, stale, maxAgeDays: options.maxAgeDays } : undefined,
  };
}
