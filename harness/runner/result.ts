import type { RecordedStep } from '../clients/recorder';
import type { CaseTableRow } from '../cases/case-table-row';
import type { PermissionCellResult } from '../cases/permission-cell';
import type { Citation } from '../cases/citation';
import type { GoldenRules } from '../cases/golden-rules';
import type { Finding } from '../cases/finding';
import type { ShardRecord } from './shard';
import type { CriticalPath } from './critical-path';
import type { WeatherSummary } from './weather-summary';

export type Verdict = 'pass' | 'fail' | 'unsupported' | 'error';

export interface CaseResult {
  id: string;
  suite: string;
  title: string;
  verdict: Verdict;
  durationMs: number;
  citations: Citation[];
  findings: Finding[];
  /** The row this case is of a table-driven family, when it is one. */
  table?: CaseTableRow;
  /** The permission-matrix cells the case declared, with what the target answered. */
  matrix?: PermissionCellResult[];
  /** The case's own golden rules (sorted and skipped paths, with reasons). */
  golden?: GoldenRules;
  /** Raw SDK steps: hold tokens and keys, so they stay in memory and are never written as they are. */
  steps: RecordedStep[];
  /**
   * Every logical fixture name with the value it was given (role ARNs, pool
   * ids): what golden/ normalizes the steps with. In memory only, like `steps`.
   */
  fixtureNames: readonly { logical: string; value: string }[];
  /** For `error`: what went wrong in the harness. */
  error?: string;
}

export interface Provenance {
  target: string;
  targetKind: 'aws' | 'emulator';
  targetVersion?: string;
  region: string;
  harnessVersion: string;
  sdkVersions: Record<string, string>;
  node: string;
}

export interface RunResult {
  target: string;
  provenance: Provenance;
  startedAt: string;
  durationMs: number;
  cases: CaseResult[];
  /** Resources teardown could not delete; `sweep` can retry them from the ledger. */
  leftovers: { kind: string; name: string; message: string }[];
  /** Set when the run was compared with a baseline golden set. */
  baseline?: BaselineSummary;
  /** Set when the run was one share of the selected suites (`--shard K/N`). */
  shard?: ShardRecord;
  /** Set when the target had weather (a weathered reference emulator, or AWS): what the run met of it. */
  weather?: WeatherSummary;
  /** Set with `weather`: the run's lower bound under the same weather, and what makes it up. */
  criticalPath?: CriticalPath;
}

export interface BaselineSummary {
  name: string;
  /** Cases with no golden in the baseline. */
  missing: string[];
  /** Goldens whose lastValidatedAt is older than the allowed age. */
  stale: { id: string; lastValidatedAt: string }[];
  maxAgeDays: number;
}

/**
 * A case's verdict from what it found: a harness error wins; any finding
 * other than an accepted deviation fails it; a case whose only findings say
 * the target does not implement an operation is unsupported.
 */
export function verdictOf(findings: readonly Finding[], error?: string): Verdict {
  if (error) return 'error';
  const open = findings.filter((f) => f.kind !== 'deviation');
  if (open.length === 0) return 'pass';
  if (open.every((f) => f.kind === 'unsupported')) return 'unsupported';
  return 'fail';
}

export function summarize(cases: readonly CaseResult[]) {
  const summary = { total: cases.length, pass: 0, fail: 0, unsupported: 0, error: 0 };
  for (const c of cases) summary[c.verdict]++;
  return summary;
}
