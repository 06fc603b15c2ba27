import { TargetUnavailableError, UsageError } from '../errors';
import { ALL_SERVICES, type ServiceName, type StartedTarget, type Target } from './target';

export interface EndpointTargetOptions {
  name: string;
  url: string;
  region?: string;
  services?: readonly ServiceName[];
  env?: Record<string, string | undefined>;
  /** Reachability probe; resolves when something answers HTTP at the URL. */
  probe?: (url: string) => Promise<void>;
}

export async function httpProbe(url: string): Promise<void> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 5000);
  try {
    // Any HTTP answer, even an error status, proves something is listening.
    await fetch(url, { method: 'GET', signal: controller.signal });
  } finally {
    clearTimeout(timer);
  }
}

export function parseEndpointUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--endpoint ${raw} is not a URL. Expected: http(s)://host:port, for example http://127.0.0.1:4566.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--endpoint ${raw} uses ${url.protocol}. Expected: an http:// or https:// URL.`);
  }
  return url.origin;
}

/**
 * Any already-running emulator at a URL. Credentials come from the environment
 * or default to the dummy pair emulators accept; nothing is started or stopped.
 */
export function endpointTarget(options: EndpointTargetOptions): Target {
  const url = parseEndpointUrl(options.url);
  const services = options.services ?? ALL_SERVICES;
  const env = options.env ?? process.env;
  const probe = options.probe ?? httpProbe;
  return {
    name: options.name,
    kind: 'emulator',
    services,
    async start({ log } = {}): Promise<StartedTarget> {
      try {
        await probe(url);
      } catch (err) {
        const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message;
        throw new TargetUnavailableError(`Target ${options.name} at ${url} is not reachable (${cause}). Start it, or point --endpoint at a running one.`);
      }
      log?.(`${options.name} at ${url}`);
      const stop = async () => {};
      return {
        name: options.name,
        kind: 'emulator',
        services,
        region: options.region ?? env.AWS_REGION ?? 'us-east-1',
        endpoint: url,
        credentials: {
          accessKeyId: env.AWS_ACCESS_KEY_ID ?? 'test',
          secretAccessKey: env.AWS_SECRET_ACCESS_KEY ?? 'test',
          sessionToken: env.AWS_SESSION_TOKEN,
        },
        stop,
        [Symbol.asyncDispose]: stop,
      };
    },
  };
}
