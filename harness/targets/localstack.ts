import { TargetUnavailableError } from '../errors';
import { testcontainersRuntime, type ContainerRuntime, type RunningContainer } from './docker-runtime';
import { endpointTarget } from './endpoint';
import { ALL_SERVICES, type ServiceName, type StartedTarget, type Target } from './target';

/**
 * The last LocalStack images that start without an auth token: from 4.15 on
 * (the consolidated image of March 2026) LocalStack refuses to start without
 * LOCALSTACK_AUTH_TOKEN. [obs] testcontainers/testcontainers-dotnet#1667
 * ("requires the token starting from version 4.15"), payloadcms/payload#16048
 * (4.14.0 "does not have the auth gate"). IDCHAIN_LOCALSTACK_IMAGE overrides.
 */
export const LOCALSTACK_COMMUNITY_IMAGE = 'localstack/localstack:4.14.0';
export const LOCALSTACK_PRO_IMAGE = 'localstack/localstack-pro:4.14.0';

/**
 * Without a licence LocalStack emulates STS and IAM but neither Cognito
 * service: its coverage catalog lists a paid minimum plan for Cognito Identity
 * Pools and User Pools, and its licensing table marks both unavailable in the
 * free tier. [doc] https://docs.localstack.cloud/api-coverage/v1/index.md;
 * localstack/localstack-docs@cc92913 (service table).
 */
export const LOCALSTACK_FREE_SERVICES: readonly ServiceName[] = ['sts', 'iam'];

/** LocalStack's gateway port inside the container, and its readiness endpoint. */
const EDGE_PORT = 4566;
const HEALTH_PATH = '/_localstack/health';

const ENDPOINT_ADVICE = 'Or point idchain at a running LocalStack with --endpoint URL.';

export interface LocalStackTargetOptions {
  /** Use a LocalStack someone else runs instead of starting one. */
  endpoint?: string;
  runtime?: ContainerRuntime;
  env?: Record<string, string | undefined>;
  startupTimeoutMs?: number;
  fetch?: typeof fetch;
}

/** The image and the services it claims, from the environment. */
export function localStackPlan(env: Record<string, string | undefined>): { image: string; services: readonly ServiceName[]; token?: string } {
  const token = env.LOCALSTACK_AUTH_TOKEN || undefined;
  const image = env.IDCHAIN_LOCALSTACK_IMAGE || (token ? LOCALSTACK_PRO_IMAGE : LOCALSTACK_COMMUNITY_IMAGE);
  // With a token, what is licensed depends on the plan: claim everything and let
  // LocalStack's 501 "not included in your current license plan" mark cases unsupported.
  return { image, services: token ? ALL_SERVICES : LOCALSTACK_FREE_SERVICES, token };
}

async function localStackVersion(url: string, fetchFn: typeof fetch): Promise<string | undefined> {
  try {
    const res = await fetchFn(`${url}${HEALTH_PATH}`, { signal: AbortSignal.timeout(5000) });
    const body = (await res.json()) as { version?: unknown };
    return typeof body.version === 'string' ? body.version : undefined;
  } catch {
    return undefined;
  }
}

/**
 * LocalStack as a target: with `--endpoint` it uses that instance; without, it
 * starts one container through testcontainers, passing LOCALSTACK_AUTH_TOKEN
 * through when set, and stops it at the end. No Docker engine → exit code 3
 * before anything is created.
 */
export function localStackTarget(options: LocalStackTargetOptions = {}): Target {
  const env = options.env ?? process.env;
  const region = env.AWS_REGION ?? 'us-east-1';
  if (options.endpoint) {
    // Someone else's instance, edition unknown: claim everything; what it lacks answers 501.
    return endpointTarget({ name: 'localstack', url: options.endpoint, services: ALL_SERVICES, env, region });
  }
  const runtime = options.runtime ?? testcontainersRuntime;
  const plan = localStackPlan(env);
  return {
    name: 'localstack',
    kind: 'emulator',
    services: plan.services,
    async start({ log } = {}): Promise<StartedTarget> {
      log?.('localstack: looking for a Docker engine');
      const docker = await runtime.probe();
      if (!docker.available) {
        throw new TargetUnavailableError(
          `Target localstack needs a Docker engine to start LocalStack, and none was found (testcontainers: ${docker.reason}). ` +
            `Start Docker, or set DOCKER_HOST to a running engine. ${ENDPOINT_ADVICE}`,
        );
      }
      log?.(`localstack: starting ${plan.image} on ${docker.description}${plan.token ? ' with LOCALSTACK_AUTH_TOKEN' : ''}`);
      let container: RunningContainer;
      try {
        container = await runtime.start({
          image: plan.image,
          env: plan.token ? { LOCALSTACK_AUTH_TOKEN: plan.token } : {},
          port: EDGE_PORT,
          readyPath: HEALTH_PATH,
          startupTimeoutMs: options.startupTimeoutMs ?? 120_000,
        });
      } catch (err) {
        const why = (err as Error).message;
        const hint = plan.token
          ? 'Check that LOCALSTACK_AUTH_TOKEN is valid and the image can be pulled.'
          : `Images after ${LOCALSTACK_COMMUNITY_IMAGE} need LOCALSTACK_AUTH_TOKEN; check the image can be pulled.`;
        throw new TargetUnavailableError(`LocalStack (${plan.image}) did not start: ${why}. ${hint} ${ENDPOINT_ADVICE}`);
      }
      const version = await localStackVersion(container.url, options.fetch ?? fetch);
      log?.(`localstack ${version ?? ''} at ${container.url} (container ${container.id.slice(0, 12)})`.replace('  ', ' '));
      let stopped: Promise<void> | undefined;
      const stop = () => (stopped ??= container.stop());
      return {
        name: 'localstack',
        kind: 'emulator',
        services: plan.services,
        region,
        endpoint: container.url,
        credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
        version,
        lifetime: 'started',
        stop,
        [Symbol.asyncDispose]: stop,
      };
    },
  };
}
