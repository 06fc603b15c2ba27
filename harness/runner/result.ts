import type { RecordedStep } from '../clients/recorder';
import type { Citation } from '../cases/define';
import type { Finding } from '../cases/finding';

export type Verdict = 'pass' | 'fail' | 'unsupported' | 'error';

export interface CaseResult {
  id: string;
  suite: string;
  title: string;
  verdict: Verdict;
  durationMs: number;
  citations: Citation[];
  findings: Finding[];
  /** Raw SDK steps: hold tokens and keys, so they stay in memory and are never written as they are. */
  steps: RecordedStep[];
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
}

export function summarize(cases: readonly CaseResult[]) {
  const summary = { total: cases.length, pass: 0, fail: 0, unsupported: 0, error: 0 };
  for (const c of cases) summary[c.verdict]++;
  return summary;
}
