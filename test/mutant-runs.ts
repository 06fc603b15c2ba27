import { runContract, type RunResult, type SuiteDefinition } from '../harness';
import { suites } from '../suites';

// Shared by the *-can-fail tests: the reference emulator started with one
// deliberate fault, the contract run against the suites a test names, and what
// that run reports.

/**
 * For each mutant, the suites its run covers, as the test states them: the
 * suites of the cases it expects to catch the fault, and any suite it says
 * must stay green despite it. Written out by the test, never derived from the
 * code under test, so a case moving suites makes the test fail, not shrink.
 */
export type MutantSuites<M extends string> = Record<M, readonly string[]>;

/** The named suites against the reference emulator with `mutant` switched on. */
export function runWithMutant(mutant: string, suiteNames: readonly string[], ledgerDir: string): Promise<RunResult> {
  const picked = suiteNames.map((name) => {
    const suite = suites.find((s) => s.name === name);
    if (!suite) throw new Error(`No suite named '${name}' for mutant ${mutant}. Suites: ${suites.map((s) => s.name).join(', ')}.`);
    return suite;
  });
  return runContract({ mutants: [mutant], suites: picked, baseline: false, ledgerDir });
}

/**
 * Start every mutant's run at once (their waits overlap) and hand each test
 * its own promise, so a run that breaks fails its test only.
 */
export function startMutantRuns<M extends string>(plan: MutantSuites<M>, ledgerDir: string): Record<M, Promise<RunResult>> {
  const runs = {} as Record<M, Promise<RunResult>>;
  for (const mutant of Object.keys(plan) as M[]) {
    runs[mutant] = runWithMutant(mutant, plan[mutant], ledgerDir);
    // Awaited by its test; this only keeps a rejection from being reported before then as unhandled.
    runs[mutant].catch(() => {});
  }
  return runs;
}

/** The ids of the cases that did not pass, sorted. */
export function failed(run: RunResult): string[] {
  return run.cases.filter((c) => c.verdict !== 'pass').map((c) => c.id).sort();
}

/** A case's findings without their sources, as the tests compare them. */
export function findingsOf(run: RunResult, id: string) {
  return run.cases.find((c) => c.id === id)!.findings.map((f) => ({ path: f.path, kind: f.kind, expected: f.expected, actual: f.actual }));
}
