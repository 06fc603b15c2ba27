import { createClients } from '../../clients/factory';
import { StepSink, recordSteps } from '../../clients/recorder';
import { UsageError } from '../../errors';
import { Ledger } from '../../fixtures/ledger';
import { newRunId } from '../../fixtures/names';
import { provisionFixture } from '../../fixtures/provision';
import type { FixtureSpec } from '../../fixtures/spec';
import { teardownLedger } from '../../fixtures/teardown';
import { callerIdentity } from '../../flows/caller-identity';
import { enhancedFlow } from '../../flows/enhanced';
import { signIn } from '../../flows/sign-in';
import { redact } from '../../golden/redact';
import { resolveTarget } from '../../targets/registry';
import { decodeClaims } from '../../tokens';
import type { CliIo } from '../io';

export const FLOW_NAMES = ['enhanced'] as const;

export interface FlowCommandOptions {
  name: string;
  target: string;
  endpoint?: string;
  username: string;
  groups: string;
  userPoolId?: string;
  clientId?: string;
  identityPoolId?: string;
  passwordEnv: string;
  customRoleArn?: string;
  keep?: boolean;
  json?: boolean;
  /** Resolves when a kept reference emulator should stop; defaults to Ctrl-C. */
  until?: Promise<void>;
  env?: Record<string, string | undefined>;
}

/** A small throwaway set-up: admin (precedence 1) and editor (precedence 10) groups with their roles. */
function throwawayFixture(username: string, groups: string[]): FixtureSpec {
  const trust = { identityPools: ['main'], amr: 'authenticated' as const };
  return {
    roles: { admin: { trust }, editor: { trust } },
    userPools: {
      main: {
        clients: { web: { authFlows: ['USER_PASSWORD_AUTH', 'ADMIN_USER_PASSWORD_AUTH'] } },
        groups: { admin: { precedence: 1, role: 'admin' }, editor: { precedence: 10, role: 'editor' } },
        users: { [username]: { groups } },
      },
    },
    identityPools: {
      main: {
        providers: [{ userPool: 'main', client: 'web' }],
        roles: { authenticated: 'editor' },
        roleMappings: [{ userPool: 'main', client: 'web', type: 'Token', ambiguous: 'AuthenticatedRole' }],
      },
    },
  };
}

function minutesFromNow(date: Date): string {
  const minutes = Math.round((date.getTime() - Date.now()) / 60_000);
  return `${date.toISOString()} (in ${minutes} min)`;
}

/**
 * `idchain flow enhanced`: one flow, step by step, against existing resources
 * (all of --user-pool-id, --client-id, --identity-pool-id, password from an
 * environment variable) or against throwaway ones it creates and, unless
 * --keep, deletes.
 */
export async function flowCommand(opts: FlowCommandOptions, io: CliIo): Promise<number> {
  if (!(FLOW_NAMES as readonly string[]).includes(opts.name)) {
    throw new UsageError(`Unknown flow '${opts.name}'. Expected one of: ${FLOW_NAMES.join(', ')}.`);
  }
  const env = opts.env ?? process.env;
  const existing = [opts.userPoolId, opts.clientId, opts.identityPoolId];
  const useExisting = existing.some(Boolean);
  if (useExisting && !existing.every(Boolean)) {
    throw new UsageError('Using existing resources needs all of --user-pool-id, --client-id and --identity-pool-id.');
  }
  const existingPassword = useExisting ? env[opts.passwordEnv] : undefined;
  if (useExisting && !existingPassword) {
    throw new UsageError(`Set the user's password in $${opts.passwordEnv} (it is never taken on the command line).`);
  }
  const groups = opts.groups.split(',').map((g) => g.trim()).filter(Boolean);
  const unknownGroups = groups.filter((g) => g !== 'admin' && g !== 'editor');
  if (!useExisting && unknownGroups.length) throw new UsageError(`--groups ${unknownGroups.join(',')}: the throwaway pool has the groups admin and editor.`);

  const log = (line: string) => io.err(`[idchain] ${line}`);
  const target = resolveTarget({ name: opts.target, endpoint: opts.endpoint });
  const started = await target.start({ log });
  const clients = createClients(started);
  const runId = newRunId();
  const ledger = useExisting ? undefined : new Ledger(runId, started.name, started.region);
  const sink = new StepSink();
  const shown: string[] = [];
  let code = 0;
  try {
    let userPoolId = opts.userPoolId!;
    let clientId = opts.clientId!;
    let identityPoolId = opts.identityPoolId!;
    let password = existingPassword!;
    let username = opts.username;
    if (ledger) {
      log(`creating a throwaway user pool, identity pool and roles (run ${runId})`);
      const fx = await provisionFixture(throwawayFixture(opts.username, groups), runId, { clients, ledger, region: started.region, scope: 'flow', log });
      userPoolId = fx.userPool('main').id;
      clientId = fx.client('main', 'web').id;
      identityPoolId = fx.identityPool('main').id;
      ({ username, password } = fx.user('main', opts.username));
    }
    const provider = `cognito-idp.${started.region}.amazonaws.com/${userPoolId}`;
    await recordSteps(sink, async () => {
      const tokens = await signIn(clients.idp, { userPoolId, clientId, username, password });
      const claims = decodeClaims(tokens.idToken);
      shown.push(
        `1. InitiateAuth USER_PASSWORD_AUTH as ${username} → ID token`,
        `   cognito:groups         ${JSON.stringify(claims['cognito:groups'] ?? [])}`,
        `   cognito:roles          ${JSON.stringify(claims['cognito:roles'] ?? [])}`,
        `   cognito:preferred_role ${String(claims['cognito:preferred_role'] ?? '(none)')}`,
        `   expires                ${minutesFromNow(new Date(Number(claims.exp) * 1000))}`,
      );
      const result = await enhancedFlow(clients.identity, { identityPoolId, logins: { [provider]: tokens.idToken }, customRoleArn: opts.customRoleArn });
      shown.push(
        `2. GetId → ${result.identityId}`,
        `3. GetCredentialsForIdentity${opts.customRoleArn ? ` (CustomRoleArn ${opts.customRoleArn})` : ''} → credentials expiring ${minutesFromNow(result.credentials.expiration)}`,
      );
      const who = await callerIdentity(clients, result.credentials);
      shown.push(`4. GetCallerIdentity → ${who.arn}`);
    });
  } catch (err) {
    const e = err as Error & { $fault?: string };
    if (!e.$fault && !(e.name === 'ProvisioningError')) throw err;
    shown.push(`refused: ${e.name}: ${e.message}`);
    code = 1;
  } finally {
    if (opts.json) io.out(JSON.stringify(redact({ flow: opts.name, target: started.name, steps: sink.steps }), null, 2));
    else io.out(shown.join('\n'));
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
