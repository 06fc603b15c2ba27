import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { createClients, type Clients } from '../../clients/factory';
import type { HttpTimeouts } from '../../clients/http-handler';
import { TargetUnavailableError } from '../../errors';
import { callerKind } from '../../provisioning/kinds/caller';
import type { SuiteDefinition } from '../../runner/suite';
import { defaultAwsDeps, type AwsTargetDeps } from '../../targets/aws';
import { regionNames } from '../../targets/region';
import { resolveTarget } from '../../targets/registry';
import type { StartedTarget } from '../../targets/target';
import { startAsRunner, type RunnerOptions } from '../as-runner';
import { loadSuites } from '../load-suites';
import { fail, ok, warn, type DoctorCheck } from './doctor-check';
import { awsEnvironmentChecks, credentialSource } from './environment-checks';
import { findLeftovers } from './leftovers';
import { permissionChecks } from './permission-checks';
import { quotaChecks, runNeeds } from './quota-checks';
import { runPermissions } from './run-permissions';

export interface DoctorOptions {
  /** `aws` (default for doctor), `reference`, or any name with `endpoint`. */
  target?: string;
  endpoint?: string;
  /** A target already started (left running), in place of `target` and `endpoint`. */
  started?: StartedTarget;
  region?: string;
  /** Reference only: check as the CI runner role made from ci/aws's policies. */
  asRunner?: boolean;
  /** Tests: the runner's policies, when not ci/aws's. */
  runner?: RunnerOptions;
  permissionsBoundary?: string;
  /** The environment the aws checks read; process.env by default. */
  env?: Record<string, string | undefined>;
  awsDeps?: Pick<AwsTargetDeps, 'resolveCredentials'>;
  suites?: readonly SuiteDefinition[];
  /** Leftovers older than this are reported; 2 h by default, as sweep's. */
  olderThanMs?: number;
  now?: Date;
  /** Cancels the doctor's calls in flight (an interrupt, the deadline). */
  signal?: AbortSignal;
  /** Connection and request timeout of every SDK call. */
  timeouts?: HttpTimeouts;
  log?: (line: string) => void;
}

const TWO_HOURS = 2 * 3_600_000;

/** What a target needs before a run can start there, one line per check (the CLI prints them; exit code from doctorExitCode). */
export async function runDoctor(o: DoctorOptions = {}): Promise<DoctorCheck[]> {
  const name = o.started?.name ?? o.target ?? 'aws';
  const env = o.env ?? process.env;
  // A Region that is no Region is bad usage (exit 2), said before anything is reached.
  if (o.region !== undefined) regionNames(o.region, '--region');
  const started = name === 'aws' ? await awsSignIn(o, env) : await emulatorSignIn(o);
  if ('failed' in started) return started.failed;
  const clients = createClients(started.target, { timeouts: o.timeouts, signal: o.signal });
  try {
    let who;
    try {
      who = await clients.sts.send(new GetCallerIdentityCommand({}));
    } catch (err) {
      return [...started.checks, fail('credentials', `${started.source}, refused: ${(err as Error).name}: ${(err as Error).message}`, 'renew or fix the credentials', true)];
    }
    const arn = who.Arn ?? '';
    const kind = callerKind(arn);
    const checks = [ok('credentials', `${started.source}: ${arn} (${kind})`), ...(name === 'aws' ? awsEnvironmentChecks(env, who.Account, o.region) : started.checks)];
    const boundary = started.boundary ?? o.permissionsBoundary ?? (name === 'aws' ? env.IDCHAIN_PERMISSIONS_BOUNDARY || undefined : undefined);
    if (boundary) checks.push(ok('boundary', `roles and users are created with ${boundary}`));
    else if (kind === 'assumed-role') checks.push(warn('boundary', 'no permissions boundary configured: roles and users are created without one', 'set IDCHAIN_PERMISSIONS_BOUNDARY to the stack output BoundaryPolicyArn'));
    const partition = /^arn:([\w-]+):/.exec(arn)?.[1] ?? 'aws';
    checks.push(...(await permissionChecks(clients.iam, arn, runPermissions({ partition, accountId: who.Account ?? '', region: started.target.region, permissionsBoundary: boundary }))));
    checks.push(...(await quotaChecks(clients, runNeeds(o.suites ?? loadSuites(), kind === 'assumed-role' || kind === 'root'))));
    checks.push(await leftoverCheck(clients, started.target, o));
    return checks;
  } finally {
    clients.destroy();
    await started.stop();
  }
}

interface SignedIn {
  target: StartedTarget;
  source: string;
  checks: DoctorCheck[];
  boundary?: string;
  stop: () => Promise<void>;
}

/** Credentials from the default chain and the Region from the environment: what `run --target aws` would sign with. */
async function awsSignIn(o: DoctorOptions, env: Record<string, string | undefined>): Promise<SignedIn | { failed: DoctorCheck[] }> {
  const region = o.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  const source = credentialSource(env);
  let credentials;
  try {
    credentials = await (o.awsDeps ?? defaultAwsDeps).resolveCredentials();
  } catch (err) {
    return { failed: [fail('credentials', `none found in ${source}: ${(err as Error).message}`, 'configure credentials for the sandbox account (in CI: aws-actions/configure-aws-credentials with the runner role)', true), ...awsEnvironmentChecks(env, undefined, o.region)] };
  }
  if (!region) return { failed: [ok('credentials', `found in ${source}`), ...awsEnvironmentChecks(env, undefined, o.region)] };
  const stop = async () => {};
  const target: StartedTarget = { name: 'aws', kind: 'aws', services: [], region, credentials, stop, [Symbol.asyncDispose]: stop };
  return { target, source, checks: [], stop };
}

/** An emulator target started (or reached) as a run would, signing as its administrator or, with asRunner, as the runner role. */
async function emulatorSignIn(o: DoctorOptions): Promise<SignedIn | { failed: DoctorCheck[] }> {
  let started: StartedTarget;
  try {
    started = o.started ?? (await resolveTarget({ name: o.target!, endpoint: o.endpoint, region: o.region }).start({ log: o.log }));
  } catch (err) {
    if (err instanceof TargetUnavailableError) return { failed: [fail('target', err.message, 'start the emulator or fix --endpoint', true)] };
    throw err;
  }
  const checks = [
    ok('target', `${started.name} ${started.version ?? ''} at ${started.endpoint ?? 'its own endpoints'}`.replace(/\s+/g, ' ')),
    ok('region', started.region),
    ok('account', 'an emulator holds its own account: no allow-list needed'),
  ];
  const stop = o.started ? async () => {} : () => started.stop();
  if (!o.asRunner) return { target: started, source: `${started.name}'s credentials`, checks, stop };
  try {
    const runner = await startAsRunner(started, o.runner);
    return { target: runner.target, source: 'a session of the runner role (ci/aws/runner-policy.json)', checks, boundary: runner.permissionsBoundary, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** Leftovers of earlier runs, found by the idchain- prefix and the run tags, as sweep finds them. */
async function leftoverCheck(clients: Clients, target: StartedTarget, o: DoctorOptions): Promise<DoctorCheck> {
  const olderThanMs = o.olderThanMs ?? TWO_HOURS;
  const sweep = `run idchain sweep --target ${target.name}${o.endpoint ? ` --endpoint ${o.endpoint}` : ''}`;
  try {
    const { found, unreadable } = await findLeftovers(clients, o.now ?? new Date(), olderThanMs);
    if (unreadable.length > 0) {
      const first = unreadable[0];
      return warn('leftovers', `could not look at ${unreadable.length} (${first.kind} ${first.name}: ${first.detail})${found.length > 0 ? `; ${found.length} found besides` : ''}`, `allow the list and read actions of the runner policy, then ${sweep}`);
    }
    if (found.length === 0) return ok('leftovers', `none older than ${olderThanMs / 3_600_000} h`);
    const kinds = [...new Set(found.map((c) => c.kind))].join(', ');
    return warn('leftovers', `${found.length} from earlier runs (${kinds})`, sweep);
  } catch (err) {
    return warn('leftovers', `could not look: ${(err as Error).name}: ${(err as Error).message}`, 'allow the list actions of the runner policy');
  }
}
