import { resolve } from 'node:path';
import { loadSuites } from '../contract/load-suites';
import { selectSuites } from '../contract/select-suites';
import { shardSuites } from '../contract/shard-suites';
import { DEFAULT_GOLDEN_DIR } from '../golden/golden-store';
import type { ShardSpec } from '../runner/shard';
import type { SuiteDefinition } from '../runner/suite';

/** What picks the cases of a run: `--suite`, then `--shard` (whose weights read the reference goldens in `goldenDir`). */
export interface CaseSelection {
  suite?: string;
  shard?: string | ShardSpec;
  goldenDir?: string;
  suites?: readonly SuiteDefinition[];
}

/** The cases `--suite` and `--shard` select, in run order: nothing is started, provisioned or read beyond the suites and goldens. */
export function selectedCases(selection: CaseSelection): { id: string; suite: string; title: string }[] {
  const selected = selectSuites(selection.suites ?? loadSuites(), selection.suite);
  const { suites } = shardSuites(selected, selection.shard, resolve(selection.goldenDir ?? DEFAULT_GOLDEN_DIR));
  return suites.flatMap((s) => s.cases.map((c) => ({ id: c.id, suite: s.name, title: c.title })));
}

/** `--list`: one line per case (id, suite, title in columns), or a JSON array of them with `--json`. */
export function formatCaseList(cases: readonly { id: string; suite: string; title: string }[], json = false): string {
  if (json) return JSON.stringify(cases, null, 2);
  const idWidth = Math.max(...cases.map((c) => c.id.length));
  const suiteWidth = Math.max(...cases.map((c) => c.suite.length));
  return cases.map((c) => `${c.id.padEnd(idWidth)}  ${c.suite.padEnd(suiteWidth)}  ${c.title}`).join('\n');
}
