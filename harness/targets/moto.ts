import { TargetUnavailableError } from '../errors';
import { endpointTarget } from './endpoint';
import { nodeProcessLauncher, runToEnd, type ProcessLauncher } from './process-launcher';
import { httpReady, startServerProcess } from './server-process';
import type { ServiceName, StartedTarget, Target } from './target';
import type { WaitClock } from './wait-until-ready';

/**
 * The services moto answers for the identity chain: its `cognitoidp`,
 * `cognitoidentity`, `sts`, `iam` and `s3` backends (its S3 does not enforce
 * IAM unless told to). Operations moto has not
 * written raise NotImplementedError, which its server turns into an HTML 500;
 * the runner reports those as `unsupported` (harness/clients/not-implemented.ts).
 */
export const MOTO_SERVICES: readonly ServiceName[] = ['cognito-idp', 'cognito-identity', 'sts', 'iam', 's3'];

/** Moto accepts any keys; this dummy pair is what its documentation uses. */
const MOTO_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

const INSTALL_ADVICE =
  "moto needs Python 3 with moto installed: `python3 -m pip install 'moto[server]'` (IDCHAIN_PYTHON picks another Python). Or point idchain at a running moto server with --endpoint URL.";

export interface MotoTargetOptions {
  /** Use a moto server someone else runs instead of starting one. */
  endpoint?: string;
  launcher?: ProcessLauncher;
  env?: Record<string, string | undefined>;
  /** How long a started server may take to answer. */
  timeoutMs?: number;
  clock?: WaitClock;
  freePort?: () => Promise<number>;
  fetch?: typeof fetch;
}

/** Say plainly what a Python that exited at start-up lacked. */
export function diagnoseMotoExit(output: string, python = 'python3'): string | undefined {
  const missing = /No module named '?([\w.]+)'?/.exec(output);
  if (!missing) return undefined;
  const module = missing[1]!;
  if (module === 'moto' || module.startsWith('moto.')) return `moto is not installed in ${python} (ModuleNotFoundError: No module named '${module}').`;
  return `moto's server needs the Python module '${module}', which is not installed in ${python} (moto without its [server] extra?).`;
}

/**
 * moto (getmoto/moto) as a target. With `--endpoint` it uses that server as it
 * is; without, it starts `python3 -m moto.server` on a free 127.0.0.1 port,
 * waits until it answers, can reset it between suites, and stops it at the end.
 */
export function motoTarget(options: MotoTargetOptions = {}): Target {
  const env = options.env ?? process.env;
  const region = env.AWS_REGION ?? 'us-east-1';
  if (options.endpoint) {
    // Someone else's server: use it, never reset it (it may hold their own resources).
    return endpointTarget({ name: 'moto', url: options.endpoint, services: MOTO_SERVICES, env, region });
  }
  const launcher = options.launcher ?? nodeProcessLauncher;
  const python = env.IDCHAIN_PYTHON || 'python3';
  const fetchFn = options.fetch ?? fetch;
  return {
    name: 'moto',
    kind: 'emulator',
    services: MOTO_SERVICES,
    async start({ log } = {}): Promise<StartedTarget> {
      const childEnv = { ...env, PYTHONUNBUFFERED: '1' };
      // The version look-up runs while the server starts; it is only for provenance.
      const version = runToEnd(launcher, {
        command: python,
        args: ['-c', "import importlib.metadata as m; print(m.version('moto'))"],
        env: childEnv,
      }).then(({ exit, output }) => (exit !== 'timeout' && exit.code === 0 ? output.trim().split('\n').pop() : undefined));
      const server = await startServerProcess({
        name: 'moto',
        launcher,
        spec: (port) => ({ command: python, args: ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], env: childEnv }),
        ready: httpReady('/moto-api/data.json', fetchFn),
        timeoutMs: options.timeoutMs ?? 30_000,
        advice: INSTALL_ADVICE,
        diagnose: (output) => diagnoseMotoExit(output, python),
        log,
        clock: options.clock,
        freePort: options.freePort,
      });
      const motoVersion = await version;
      log?.(`moto ${motoVersion ?? '(version unknown)'} at ${server.url}`);
      const stop = () => server.stop();
      return {
        name: 'moto',
        kind: 'emulator',
        services: MOTO_SERVICES,
        region,
        endpoint: server.url,
        credentials: MOTO_CREDENTIALS,
        version: motoVersion,
        lifetime: 'started',
        stop,
        [Symbol.asyncDispose]: stop,
        async reset() {
          // moto's documented way to forget every resource in every backend.
          const res = await fetchFn(`${server.url}/moto-api/reset`, { method: 'POST' });
          await res.arrayBuffer().catch(() => undefined);
          if (!res.ok) {
            throw new TargetUnavailableError(`moto at ${server.url} refused POST /moto-api/reset with HTTP ${res.status}. Expected: 200.`);
          }
        },
      };
    },
  };
}
