import type { RunResult } from '../runner/result';
import { deepEqual } from '../cases/deep-equal';
import { isAwsHost } from '../targets/endpoint-overrides';
import { goldenPath, readGolden, writeGolden } from './golden-store';
import { normalizeCase } from './normalize';
import type { GoldenFile } from './schema';

export interface RecordOutcome {
  written: string[];
  unchanged: string[];
  /** Cases not recorded: they errored or the target does not support them. */
  skipped: { id: string; why: string }[];
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Read every golden a recording on `target` would replace, before anything starts: a broken one is exit 2, nothing created. */
export function checkGoldensBeforeRecording(goldenDir: string, target: string, cases: readonly { suite: string; id: string }[]): void {
  for (const c of cases) readGolden(goldenPath(goldenDir, target, c.suite, c.id), { target, suite: c.suite, caseId: c.id });
}

/**
 * Write each case's normalized steps as the run target's golden. Goldens are
 * labelled with the target they were recorded on — only real AWS writes `aws`,
 * and only for cases whose every call AWS's own endpoints answered.
 * When the steps are what the golden already holds, recordedAt is kept and
 * only lastValidatedAt moves, so recording twice in a day is byte-identical.
 */
export function recordGoldens(run: RunResult, goldenDir: string, today: Date): RecordOutcome {
  const outcome: RecordOutcome = { written: [], unchanged: [], skipped: [] };
  const day = isoDay(today);
  for (const c of run.cases) {
    if (c.verdict === 'error' || c.verdict === 'unsupported') {
      outcome.skipped.push({ id: c.id, why: c.verdict === 'error' ? `harness error: ${c.error}` : 'unsupported by the target' });
      continue;
    }
    const foreign = run.provenance.targetKind === 'aws' ? [...new Set(c.steps.flatMap((s) => (s.host && !isAwsHost(s.host) ? [s.host] : [])))] : [];
    if (foreign.length > 0) {
      // Provenance `aws` is only for what AWS's own endpoints answered (DESIGN.md § Real AWS, safely).
      outcome.skipped.push({ id: c.id, why: `answered by ${foreign.join(', ')}, not an AWS endpoint: an aws golden holds only AWS's answers` });
      continue;
    }
    const file = goldenPath(goldenDir, run.target, c.suite, c.id);
    const steps = normalizeCase(c, run.provenance.region);
    const previous = readGolden(file, { target: run.target, suite: c.suite, caseId: c.id });
    const same = previous !== undefined && deepEqual(JSON.parse(JSON.stringify(previous.steps)), JSON.parse(JSON.stringify(steps)));
    const golden: GoldenFile = {
      case: { id: c.id, suite: c.suite, title: c.title },
      provenance: {
        target: run.provenance.target,
        targetKind: run.provenance.targetKind,
        targetVersion: run.provenance.targetVersion,
        region: run.provenance.region,
        recordedAt: same ? previous!.provenance.recordedAt : day,
        lastValidatedAt: day,
        harnessVersion: run.provenance.harnessVersion,
        sdkVersions: run.provenance.sdkVersions,
      },
      steps: steps as GoldenFile['steps'],
    };
    writeGolden(file, golden);
    (same ? outcome.unchanged : outcome.written).push(file);
  }
  return outcome;
}
