import { runContract, type RunResult, type SuiteDefinition } from '../harness';
import { suites } from '../suites';

// Shared by the *-can-fail tests: the whole contract on a reference emulator
// started with one deliberate fault, and what that run reports.

/** Every suite (or only `only`) against the reference emulator with `mutant` switched on. */
export function runWithMutant(mutant: string, ledgerDir: string, only: SuiteDefinition[] = suites): Promise<RunResult> {
  return runContract({ mutants: [mutant], suites: only, baseline: false, ledgerDir });
}

/** The ids of the cases that did not pass, sorted. */
export function failed(run: RunResult): string[] {
  return run.cases.filter((c) => c.verdict !== 'pass').map((c) => c.id).sort();
}

/** A case's findings without their sources, as the tests compare them. */
export function findingsOf(run: RunResult, id: string) {
  return run.cases.find((c) => c.id === id)!.findings.map((f) => ({ path: f.path, kind: f.kind, expected: f.expected, actual: f.actual }));
}
