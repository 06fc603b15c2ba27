import { dirname } from 'node:path';
import { StepSink, recordSteps } from '../../clients/recorder';
import { isServiceError } from '../../clients/sdk-errors';
import { CaseAborted } from '../../cases/case-aborted';
import { ProvisioningError } from '../../errors';
import { SignInChallenge } from '../../flows/sign-in';
import { openSession } from '../../provisioning/session';
import type { ProvisionedFixture } from '../../provisioning/spec';
import { redact } from '../../secrets/redact';
import type { CliIo } from '../io';
import type { RunControl } from '../run-control';
import { sweepHint } from '../flows/sweep-hint';
import { enhancedPlan } from '../flows/enhanced-plan';
import type { FlowCommandOptions, FlowPlan } from '../flows/flow-plan';
import { samlPlan } from '../flows/saml-plan';
import { webIdentityPlan } from '../flows/web-identity-plan';

export type { FlowCommandOptions } from '../flows/flow-plan';

/** Ctrl-C (or SIGTERM): through the run control when there is one, else straight from the process. */
function untilStopped(io: CliIo, control?: RunControl): Promise<void> {
  if (control) return new Promise((resolve) => (control.signal.aborted ? resolve() : control.signal.addEventListener('abort', () => resolve(), { once: true })));
  return new Promise((resolve) => io.onInterrupt?.(() => resolve()));
}

const PLANS: Record<string, (opts: FlowCommandOptions) => FlowPlan> = {
  enhanced: enhancedPlan,
  saml: samlPlan,
  'web-identity': webIdentityPlan,
};

/**
 * What a user is told when the flow stopped: a refusal from the target, a
 * resource that could not be created, an answer without what AWS documents,
 * or a user whose password must still be changed. Anything else is a harness
 * bug and is thrown on.
 */
function whyStopped(err: unknown): string | undefined {
  if (err instanceof SignInChallenge && err.challengeName === 'NEW_PASSWORD_REQUIRED') {
    return (
      `stopped: ${err.username} must change the temporary password before signing in (challenge NEW_PASSWORD_REQUIRED; the user is in FORCE_CHANGE_PASSWORD). ` +
      `Expected: a confirmed user. Set a permanent password first, e.g. aws cognito-idp admin-set-user-password --permanent.`
    );
  }
  if (err instanceof CaseAborted) return `stopped: ${err.message}`;
  if (err instanceof ProvisioningError || isServiceError(err)) return `refused: ${(err as Error).name}: ${(err as Error).message}`;
  return undefined;
}

/**
 * `idchain flow NAME`: one flow, step by step, in a session (openSession).
 * Options are checked before anything starts (bad usage exits 2 with nothing
 * created); throwaway resources are ledgered and deleted afterwards unless
 * --keep. A flow that stops prints why and exits 1.
 */
export async function flowCommand(opts: FlowCommandOptions & { control?: RunControl }, io: CliIo): Promise<number> {
  const plan = PLANS[opts.name](opts);
  const log = (line: string) => io.err(`[idchain] ${line}`);
  const { control } = opts;
  const session = await openSession({
    target: opts.target,
    endpoint: opts.endpoint,
    region: opts.region,
    log,
    signal: control?.signal,
    timeouts: control?.limits.http,
    teardownTimeoutMs: control?.limits.teardownTimeoutMs,
  });
  const { clients, target } = session;
  const sink = new StepSink();
  const shown: string[] = [];
  let code = 0;
  try {
    let fx: ProvisionedFixture | undefined;
    if (plan.fixture) {
      log(`creating ${plan.describes ?? 'throwaway resources'} (run ${session.runId})`);
      fx = await session.provision(plan.fixture, 'flow');
    }
    await recordSteps(sink, () => plan.run({ clients, fx, region: target.region, shown }));
  } catch (err) {
    const why = whyStopped(err);
    if (why === undefined) throw err;
    shown.push(why);
    code = 1;
  } finally {
    if (opts.json) io.out(JSON.stringify(redact({ flow: opts.name, target: target.name, steps: sink.steps }), null, 2));
    // The terminal gets the same redactor as files: a refusal message could quote a key or a token.
    else io.out(redact(shown).join('\n'));
    if (plan.fixture && opts.keep) {
      // Handed over: sweep may take them while this process still runs (and keeps an emulator up).
      session.ledger.released();
      io.out([`kept the throwaway resources (run ${session.runId}, ledger ${session.ledger.file});`, ...sweepHint(target, dirname(session.ledger.file))].join('\n'));
      if (target.lifetime === 'in-process' || target.lifetime === 'started') {
        io.out(`the ${target.name} emulator keeps running at ${target.endpoint} until Ctrl-C; what it holds ends with it`);
        control?.idle();
        await (opts.until ?? untilStopped(io, control));
      }
      await session.release();
    } else {
      await session.close();
    }
  }
  return code;
}
