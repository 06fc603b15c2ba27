import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { TargetUnavailableError } from '../errors';
import { endpointTarget } from './endpoint';
import { nodeProcessLauncher, type ProcessLauncher } from './process-launcher';
import { httpReady, startServerProcess } from './server-process';
import type { ServiceName, StartedTarget, Target } from './target';
import type { WaitClock } from './wait-until-ready';

/** cognito-local (jagregory/cognito-local) emulates user pools only: no identity pools, STS or IAM. */
export const COGNITO_LOCAL_SERVICES: readonly ServiceName[] = ['cognito-idp'];

/** cognito-local does not check signatures; any pair will do. */
const DUMMY_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

const INSTALL_ADVICE =
  'cognito-local is a devDependency of idchain: run `npm ci` (or `npm install --save-dev cognito-local`). Or point idchain at a running cognito-local with --endpoint URL.';

/** Where the installed package is: its start script and version. */
export interface CognitoLocalPackage {
  bin: string;
  version: string;
}

/** Finds cognito-local in node_modules; undefined when it is not installed. */
export function findCognitoLocal(): CognitoLocalPackage | undefined {
  let manifest: string;
  try {
    manifest = require.resolve('cognito-local/package.json');
  } catch {
    return undefined;
  }
  const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string; bin: string | Record<string, string> };
  const bin = typeof pkg.bin === 'string' ? pkg.bin : (pkg.bin['cognito-local'] ?? Object.values(pkg.bin)[0]!);
  return { bin: join(dirname(manifest), bin), version: pkg.version };
}

/**
 * The configuration cognito-local reads from `.cognito/config.json` in its
 * working directory (its README, § Configuration): plain usernames instead of
 * its default of e-mail addresses as usernames, tokens whose issuer is the
 * address it really listens on, and that address.
 */
export function cognitoLocalConfig(port: number) {
  const url = `http://127.0.0.1:${port}`;
  return {
    UserPoolDefaults: { UsernameAttributes: [] as string[] },
    TokenConfig: { IssuerDomain: url },
    ServerConfig: { hostname: '127.0.0.1', port },
  };
}

export interface CognitoLocalTargetOptions {
  /** Use a cognito-local someone else runs instead of starting one. */
  endpoint?: string;
  launcher?: ProcessLauncher;
  env?: Record<string, string | undefined>;
  findPackage?: () => CognitoLocalPackage | undefined;
  /** Where the throwaway data directory is made; the system temp dir by default. */
  tmpRoot?: string;
  timeoutMs?: number;
  clock?: WaitClock;
  freePort?: () => Promise<number>;
  fetch?: typeof fetch;
}

/**
 * cognito-local as a target: with `--endpoint` it uses that server; without,
 * it starts the package from node_modules on a free 127.0.0.1 port, in a
 * temporary directory that holds its config and database, and removes both at
 * the end.
 */
export function cognitoLocalTarget(options: CognitoLocalTargetOptions = {}): Target {
  const env = options.env ?? process.env;
  const region = env.AWS_REGION ?? 'us-east-1';
  if (options.endpoint) {
    return endpointTarget({ name: 'cognito-local', url: options.endpoint, services: COGNITO_LOCAL_SERVICES, env, region });
  }
  const launcher = options.launcher ?? nodeProcessLauncher;
  return {
    name: 'cognito-local',
    kind: 'emulator',
    services: COGNITO_LOCAL_SERVICES,
    async start({ log } = {}): Promise<StartedTarget> {
      const pkg = (options.findPackage ?? findCognitoLocal)();
      if (!pkg) throw new TargetUnavailableError(`cognito-local is not installed (no cognito-local in node_modules). ${INSTALL_ADVICE}`);
      const dataDir = mkdtempSync(join(options.tmpRoot ?? tmpdir(), 'idchain-cognito-local-'));
      const removeDataDir = () => rmSync(dataDir, { recursive: true, force: true });
      let server;
      try {
        server = await startServerProcess({
          name: 'cognito-local',
          launcher,
          spec: (port) => {
            mkdirSync(join(dataDir, '.cognito'), { recursive: true });
            writeFileSync(join(dataDir, '.cognito', 'config.json'), JSON.stringify(cognitoLocalConfig(port), null, 2));
            // HOST and PORT too: cognito-local derives its defaults from them before reading the config.
            return { command: process.execPath, args: [pkg.bin], cwd: dataDir, env: { ...env, HOST: '127.0.0.1', PORT: String(port) } };
          },
          ready: httpReady('/health', options.fetch),
          timeoutMs: options.timeoutMs ?? 20_000,
          advice: INSTALL_ADVICE,
          log,
          clock: options.clock,
          freePort: options.freePort,
        });
      } catch (err) {
        removeDataDir();
        throw err;
      }
      log?.(`cognito-local ${pkg.version} at ${server.url} (data in ${dataDir})`);
      let stopped: Promise<void> | undefined;
      const stop = () =>
        (stopped ??= server.stop().then(removeDataDir));
      return {
        name: 'cognito-local',
        kind: 'emulator',
        services: COGNITO_LOCAL_SERVICES,
        region,
        endpoint: server.url,
        credentials: DUMMY_CREDENTIALS,
        version: pkg.version,
        lifetime: 'started',
        stop,
        [Symbol.asyncDispose]: stop,
      };
    },
  };
}
