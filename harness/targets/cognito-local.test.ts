import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TargetUnavailableError } from '../errors';
import { cognitoLocalTarget, findCognitoLocal } from './cognito-local';
import { fakeClock, fakeFetch, fakeLauncher } from './fake-launcher';

const pkg = { bin: '/x/node_modules/cognito-local/lib/bin/start.js', version: '9.9.9' };

describe('cognito-local target', () => {
  let tmpRoot: string;
  beforeEach(() => (tmpRoot = mkdtempSync(join(tmpdir(), 'idchain-cl-test-'))));
  afterEach(() => rmSync(tmpRoot, { recursive: true, force: true }));
  const seams = () => ({ env: {}, tmpRoot, findPackage: () => pkg, clock: fakeClock(), freePort: async () => 9330 });

  it('starts the package with node in a temporary directory holding its config, and removes it at stop', async () => {
    let config: unknown;
    const launcher = fakeLauncher((p) => (config = JSON.parse(readFileSync(join(p.spec.cwd!, '.cognito', 'config.json'), 'utf8'))));
    const fetch = fakeFetch(1);
    const started = await cognitoLocalTarget({ ...seams(), launcher, fetch }).start({});

    const [server] = launcher.processes;
    expect([server!.spec.command, ...server!.spec.args]).toEqual([process.execPath, pkg.bin]);
    expect(server!.spec.env).toMatchObject({ HOST: '127.0.0.1', PORT: '9330' });
    expect(server!.spec.cwd!.startsWith(join(tmpRoot, 'idchain-cognito-local-'))).toBe(true);
    expect(config).toEqual({
      UserPoolDefaults: { UsernameAttributes: [] },
      TokenConfig: { IssuerDomain: 'http://127.0.0.1:9330' },
      ServerConfig: { hostname: '127.0.0.1', port: 9330 },
    });
    expect(fetch.urls.map((u) => u.url)).toEqual(['http://127.0.0.1:9330/health', 'http://127.0.0.1:9330/health']);
    expect(started.endpoint).toBe('http://127.0.0.1:9330');
    expect(started.services).toEqual(['cognito-idp']);
    expect(started.version).toBe('9.9.9');

    await started.stop();
    expect(server!.killed).toBe(true);
    expect(existsSync(server!.spec.cwd!)).toBe(false);
  });

  it('says how to install it, or use --endpoint, when the package is missing', async () => {
    const launcher = fakeLauncher();
    const failure = cognitoLocalTarget({ ...seams(), findPackage: () => undefined, launcher }).start({});
    await expect(failure).rejects.toBeInstanceOf(TargetUnavailableError);
    await expect(failure).rejects.toThrow(/^cognito-local is not installed .*npm ci.*--endpoint URL/);
    expect(launcher.processes).toHaveLength(0);
  });

  it('reports a server that dies early with its output, and leaves no data directory behind', async () => {
    const launcher = fakeLauncher((p) => {
      p.print('Error: listen EACCES: permission denied 127.0.0.1:9330\n');
      p.exit({ code: 1, signal: null });
    });
    const failure = cognitoLocalTarget({ ...seams(), launcher, fetch: fakeFetch(Infinity) }).start({});
    await expect(failure).rejects.toThrow(/cognito-local exited before it answered at http:\/\/127\.0\.0\.1:9330 \(exit code 1\)[^]*EACCES/);
    expect(readdirSync(tmpRoot)).toEqual([]);
  });

  it('gives up with exit code 3 when it never answers, and kills it', async () => {
    const launcher = fakeLauncher();
    const failure = cognitoLocalTarget({ ...seams(), launcher, fetch: fakeFetch(Infinity), timeoutMs: 20_000 }).start({});
    await expect(failure).rejects.toMatchObject({ exitCode: 3, message: expect.stringMatching(/did not answer .* within 20 s/) });
    expect(launcher.processes[0]!.killed).toBe(true);
    expect(readdirSync(tmpRoot)).toEqual([]);
  });

  it('finds the installed devDependency', () => {
    const found = findCognitoLocal();
    expect(found?.bin).toMatch(/node_modules\/cognito-local\/.+\.js$/);
    expect(existsSync(found!.bin)).toBe(true);
  });
});
