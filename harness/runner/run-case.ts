import { StepSink, recordSteps } from '../clients/recorder';
import type { Clients } from '../clients/factory';
import { isServiceError } from '../clients/sdk-errors';
import { CaseAborted } from '../cases/case-aborted';
import { Expectations } from '../cases/expectations';
import { unsupportedFinding } from '../cases/finding';
import { cellResults } from '../cases/permission-cell';
import { classifyNotImplemented } from '../clients/not-implemented';
import type { CaseDefinition, SuiteDefinition } from './suite';
import type { ProvisionedFixture } from '../provisioning/spec';
import { verdictOf, type CaseResult } from './result';

export interface CaseRunContext {
  suite: SuiteDefinition;
  fx: ProvisionedFixture;
  clients: Clients;
  target: { name: string; region: string; endpoint?: string };
}

/**
 * Run one case with its SDK calls recorded. Verdicts: findings → `fail`; a call
 * the service refused that the case did not expect → `fail` with an
 * `unexpected-error` finding naming the operation; anything else thrown (a
 * harness bug, a dropped connection) → `error`.
 */
export async function runCase(def: CaseDefinition, ctx: CaseRunContext): Promise<CaseResult> {
  const sink = new StepSink();
  const expect = new Expectations();
  const started = Date.now();
  let error: string | undefined;
  try {
    await recordSteps(sink, () => def.run({ fx: ctx.fx, clients: ctx.clients, expect, target: ctx.target }));
  } catch (err) {
    const notImplemented = err instanceof CaseAborted ? undefined : classifyNotImplemented(err);
    if (err instanceof CaseAborted) {
      expect.findings.push(err.finding);
    } else if (notImplemented) {
      const failed = [...sink.steps].reverse().find((s) => s.error);
      expect.findings.push(unsupportedFinding(failed?.operation ?? 'call', notImplemented.evidence));
    } else if (isServiceError(err)) {
      const failed = [...sink.steps].reverse().find((s) => s.error);
      const e = err as Error;
      expect.findings.push({
        path: failed ? `${failed.operation}` : 'call',
        kind: 'unexpected-error',
        expected: 'success',
        actual: { error: e.name, message: e.message },
      });
    } else {
      const e = err as Error;
      error = `${e?.name ?? 'Error'}: ${e?.message ?? String(err)}`;
    }
  }
  return {
    id: def.id,
    suite: ctx.suite.name,
    title: def.title,
    verdict: verdictOf(expect.findings, error),
    durationMs: Date.now() - started,
    citations: def.citations,
    findings: expect.findings,
    ...(def.table ? { table: def.table } : {}),
    ...(def.matrix ? { matrix: cellResults(def.matrix, expect.outcomes) } : {}),
    ...(def.golden ? { golden: def.golden } : {}),
    steps: sink.steps,
    fixtureNames: ctx.fx.names(),
    error,
  };
}
