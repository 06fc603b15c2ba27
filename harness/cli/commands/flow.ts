import { createClients } from '../../clients/factory';
import { StepSink, recordSteps } from '../../clients/recorder';
import { UsageError } from '../../errors';
import { Ledger } from '../../provisioning/ledger';
import { newRunId } from '../../provisioning/names';
import { provisionFixture } from '../../provisioning/provision';
import type { ProvisionedFixture } from '../../provisioning/spec';
import { teardownLedger } from '../../provisioning/teardown';
import { redact } from '../../secrets/redact';
import { resolveTarget } from '../../targets/registry';
import type { CliIo } from '../io';
import { enhancedPlan } from '../flows/enhanced-plan';
import type { FlowCommandOptions, FlowPlan } from '../flows/flow-plan';
import { samlPlan } from '../flows/saml-plan';
import { webIdentityPlan } from '../flows/web-identity-plan';

export type { FlowCommandOptions } from '../flows/flow-plan';

const PLANS: Record<string, (opts: FlowCommandOptions) => FlowPlan> = {
  enhanced: enhancedPlan,
  saml: samlPlan,
  'web-identity': webIdentityPlan,
};
const FLOW_NAMES = Object.keys(PLANS);

/**
 * `idchain flow NAME`: one flow, step by step. Options are checked before
 * anything starts (bad usage exits 2 with nothing created); throwaway
 * resources are ledgered and deleted afterwards unless --keep.
 */
export async function flowCommand(opts: FlowCommandOptions, io: CliIo): Promise<number> {
  const makePlan = PLANS[opts.name];
  if (!makePlan) throw new UsageError(`Unknown flow '${opts.name}'. Expected one of: ${FLOW_NAMES.join(', ')}.`);
  const plan = makePlan(opts);

  const log = (line: string) => io.err(`[idchain] ${line}`);
  const target = resolveTarget({ name: opts.target, endpoint: opts.endpoint });
  const started = await target.start({ log });
  const clients = createClients(started);
  const runId = newRunId();
  const ledger = plan.fixture ? new Ledger(runId, started.name, started.region) : undefined;
  const sink = new StepSink();
  const shown: string[] = [];
  let code = 0;
  try {
    let fx: ProvisionedFixture | undefined;
    if (plan.fixture && ledger) {
      log(`creating ${plan.describes ?? 'throwaway resources'} (run ${runId})`);
      fx = await provisionFixture(plan.fixture, runId, { clients, ledger, region: started.region, scope: 'flow', log });
    }
    await recordSteps(sink, () => plan.run({ clients, fx, region: started.region, shown }));
  } catch (err) {
    const e = err as Error & { $fault?: string };
    if (!e.$fault && !(e.name === 'ProvisioningError')) throw err;
    shown.push(`refused: ${e.name}: ${e.message}`);
    code = 1;
  } finally {
    if (opts.json) io.out(JSON.stringify(redact({ flow: opts.name, target: started.name, steps: sink.steps }), null, 2));
    // The terminal gets the same redactor as files: a refusal message could quote a key or a token.
    else io.out(redact(shown).join('\n'));
    if (ledger && opts.keep) {
      io.out(`kept the throwaway resources; ledger ${ledger.file}; delete them with 'idchain sweep --target ${started.name} --older-than 0'`);
      if (started.name === 'reference' && !opts.endpoint) {
        io.out(`the reference emulator keeps running at ${started.endpoint} until Ctrl-C`);
        await (opts.until ?? new Promise<void>((resolve) => io.onInterrupt?.(() => resolve())));
      }
    } else if (ledger) {
      await teardownLedger(clients, ledger);
    }
    clients.destroy();
    await started.stop();
  }
  return code;
}
