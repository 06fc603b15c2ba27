import { TargetUnavailableError } from '../errors';
import { freePort } from './free-port';
import { fakeClock, fakeFetch, fakeLauncher, type FakeProcess } from './fake-launcher';
import { MOTO_SERVICES, diagnoseMotoExit, motoTarget } from './moto';

const isVersionLookup = (p: FakeProcess) => p.spec.args[0] === '-c';

/** A python whose version look-up prints `5.9.9` and whose server behaves as `server` says. */
function python(server: (p: FakeProcess) => void = () => {}) {
  return fakeLauncher((p) => {
    if (isVersionLookup(p)) {
      p.print('5.9.9\n');
      p.exit({ code: 0, signal: null });
    } else server(p);
  });
}

const servers = (l: ReturnType<typeof fakeLauncher>) => l.processes.filter((p) => !isVersionLookup(p));
const seams = { env: {}, clock: fakeClock(), freePort: async () => 5123 };

async function failure(p: Promise<unknown>): Promise<TargetUnavailableError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TargetUnavailableError);
  expect((err as TargetUnavailableError).exitCode).toBe(3);
  return err as TargetUnavailableError;
}

describe('moto target', () => {
  it('starts python3 -m moto.server on 127.0.0.1 and a free port, waits until it answers, and stops it', async () => {
    const launcher = python();
    const fetch = fakeFetch(2);
    const lines: string[] = [];
    const started = await motoTarget({ ...seams, launcher, fetch, clock: fakeClock() }).start({ log: (l) => lines.push(l) });

    const [server] = servers(launcher);
    expect([server!.spec.command, ...server!.spec.args]).toEqual(['python3', '-m', 'moto.server', '-H', '127.0.0.1', '-p', '5123']);
    expect(started.endpoint).toBe('http://127.0.0.1:5123');
    expect(fetch.urls.map((u) => u.url)).toEqual(Array(3).fill('http://127.0.0.1:5123/moto-api/data.json'));
    expect(lines.filter((l) => l.startsWith('waiting for moto'))).toEqual([
      'waiting for moto at http://127.0.0.1:5123 (attempt 1: ECONNREFUSED)',
      'waiting for moto at http://127.0.0.1:5123 (attempt 2: ECONNREFUSED)',
    ]);
    expect(started.version).toBe('5.9.9');
    expect(started.services).toEqual(['cognito-idp', 'cognito-identity', 'sts', 'iam', 's3']);
    expect(started.credentials).toEqual({ accessKeyId: 'test', secretAccessKey: 'test' });
    expect(started.region).toBe('us-east-1');

    await started.stop();
    expect(server!.killed).toBe(true);
  });

  it('resets its own server with POST /moto-api/reset', async () => {
    const fetch = fakeFetch(0);
    const started = await motoTarget({ ...seams, launcher: python(), fetch }).start({});
    await started.reset!();
    expect(fetch.urls.at(-1)).toEqual({ url: 'http://127.0.0.1:5123/moto-api/reset', method: 'POST' });
    await started.stop();
  });

  it('gives up after the deadline with one exit-3 error, and kills the server', async () => {
    const launcher = python((p) => p.print(' * Running on http://127.0.0.1:5123\n'));
    const clock = fakeClock();
    const err = await failure(motoTarget({ ...seams, launcher, fetch: fakeFetch(Infinity), clock, timeoutMs: 30_000 }).start({}));
    expect(err.message).toMatch(/^moto did not answer at http:\/\/127\.0\.0\.1:5123 within 30 s \(\d+ attempts, last: ECONNREFUSED\)/);
    expect(err.message).toContain('Running on http://127.0.0.1:5123');
    expect(err.message).toContain('--endpoint URL');
    expect(clock.now() - 1_000_000).toBeGreaterThanOrEqual(30_000);
    expect(servers(launcher)[0]!.killed).toBe(true);
  });

  it('reports a server that dies before answering with the tail of its output', async () => {
    const launcher = python((p) => {
      p.print('Traceback (most recent call last):\n  File "server.py", line 1\nOSError: something broke\n');
      p.exit({ code: 1, signal: null });
    });
    const err = await failure(motoTarget({ ...seams, launcher, fetch: fakeFetch(Infinity) }).start({}));
    expect(err.message).toMatch(/^moto exited before it answered at http:\/\/127\.0\.0\.1:5123 \(exit code 1\)\. Its last output:/);
    expect(err.message).toContain('OSError: something broke');
  });

  it('says how to install moto, or use --endpoint, when python3 is missing', async () => {
    const launcher = fakeLauncher((p) => p.exit({ code: null, signal: null, error: Object.assign(new Error('spawn python3 ENOENT'), { code: 'ENOENT' }) }));
    const err = await failure(motoTarget({ ...seams, launcher, fetch: fakeFetch(Infinity) }).start({}));
    expect(err.message).toMatch(/^Could not start moto: python3 was not found\./);
    expect(err.message).toContain("pip install 'moto[server]'");
    expect(err.message).toContain('--endpoint URL');
  });

  it('says moto is not installed when python3 cannot import it', async () => {
    const launcher = fakeLauncher((p) => {
      p.print("/usr/bin/python3: Error while finding module specification for 'moto.server' (ModuleNotFoundError: No module named 'moto')\n");
      p.exit({ code: 1, signal: null });
    });
    const err = await failure(motoTarget({ ...seams, launcher, fetch: fakeFetch(Infinity) }).start({}));
    expect(err.message).toMatch(/^moto is not installed in python3 \(ModuleNotFoundError: No module named 'moto'\)\./);
    expect(err.message).toContain("python3 -m pip install 'moto[server]'");
    expect(err.message).toContain('--endpoint URL');
  });

  it('uses IDCHAIN_PYTHON when set', async () => {
    const launcher = python();
    const started = await motoTarget({ ...seams, env: { IDCHAIN_PYTHON: '/opt/py/bin/python3.12' }, launcher, fetch: fakeFetch(0) }).start({});
    expect(launcher.processes.map((p) => p.spec.command)).toEqual(['/opt/py/bin/python3.12', '/opt/py/bin/python3.12']);
    await started.stop();
  });

  it('tries another port when the one it picked was taken meanwhile', async () => {
    let launches = 0;
    const launcher = python((p) => {
      if (launches++ === 0) {
        p.print('OSError: [Errno 98] Address already in use\n');
        p.exit({ code: 1, signal: null });
      }
    });
    const ports = [5123, 5124];
    const started = await motoTarget({ ...seams, launcher, fetch: fakeFetch(0), freePort: async () => ports.shift()! }).start({});
    expect(started.endpoint).toBe('http://127.0.0.1:5124');
    await started.stop();
  });

  it('with --endpoint uses that server and starts nothing', async () => {
    const launcher = fakeLauncher();
    const target = motoTarget({ endpoint: `http://127.0.0.1:${await freePort()}`, launcher, env: {} });
    expect(target.services).toEqual(MOTO_SERVICES);
    // Nothing listens there: the endpoint target reports it unreachable, and nothing was launched.
    await failure(target.start({}));
    expect(launcher.processes).toHaveLength(0);
  });
});

describe('diagnoseMotoExit', () => {
  it('names a missing server dependency', () =>
    expect(diagnoseMotoExit("ModuleNotFoundError: No module named 'flask'")).toMatch(/needs the Python module 'flask'/));
  it('leaves other failures alone', () => expect(diagnoseMotoExit('OSError: boom')).toBeUndefined());
});
