import { loadSuites } from '../contract/load-suites';
import { selectSuites } from '../contract/select-suites';
import type { SuiteDefinition } from '../runner/suite';

/** The cases `--suite` selects, in run order: nothing is started, provisioned or read beyond the suites. */
export function selectedCases(suite: string | undefined, suites?: readonly SuiteDefinition[]): { id: string; suite: string; title: string }[] {
  return selectSuites(suites ?? loadSuites(), suite).flatMap((s) => s.cases.map((c) => ({ id: c.id, suite: s.name, title: c.title })));
}

/** `--list`: one line per case (id, suite, title in columns), or a JSON array of them with `--json`. */
export function formatCaseList(cases: readonly { id: string; suite: string; title: string }[], json = false): string {
  if (json) return JSON.stringify(cases, null, 2);
  const idWidth = Math.max(...cases.map((c) => c.id.length));
  const suiteWidth = Math.max(...cases.map((c) => c.suite.length));
  return cases.map((c) => `${c.id.padEnd(idWidth)}  ${c.suite.padEnd(suiteWidth)}  ${c.title}`).join('\n');
}
