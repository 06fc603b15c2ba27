import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, request, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type StartedEmulator } from '../harness';
import { createClients, type Clients } from '../harness/clients/factory';
import { childEnv, idchainResources, startCli } from './cli-process';

// Endpoints that accept a connection and never answer: the run ends with a
// clear message and its documented exit code, and what it created stays
// ledgered for sweep. Outcomes only: no assertion on how long anything took.
const work = mkdtempSync(join(tmpdir(), 'idchain-timeouts-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let emulator: StartedEmulator;
let admin: Clients;
beforeAll(async () => {
  emulator = await startEmulator();
  admin = createClients({ region: emulator.region, endpoint: emulator.url, credentials: emulator.credentials });
});
afterAll(async () => {
  admin.destroy();
  await emulator.stop();
});

const keys = () => ({ AWS_ACCESS_KEY_ID: emulator.credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: emulator.credentials.secretAccessKey });

async function listen<S extends Server | HttpServer>(server: S): Promise<string> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

/**
 * A proxy to the emulator that goes silent at the first CreateUserPool: that
 * request still reaches the emulator (the pool exists), but neither its answer
 * nor anything after it comes back, until `wake()`. An IAM CreateRole never
 * reaches the emulator before then.
 */
async function silentAfterFirstCreate() {
  let dark = false;
  let wentDark = false;
  const held: ServerResponse[] = [];
  const server = createHttpServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      if (dark) return void held.push(res);
      const body = Buffer.concat(chunks);
      // The fixture's role is created beside the pool, not after it, and may arrive first (on a
      // warm kept-alive connection it usually does): held unforwarded, so the pool's create is the
      // one that reaches the emulator whichever comes first.
      if (/(^|&)Action=CreateRole(&|$)/.test(body.toString('utf8'))) return void held.push(res);
      const going = req.headers['x-amz-target'] === 'AWSCognitoIdentityProviderService.CreateUserPool';
      const upstream = new URL(emulator.url);
      const forward = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
        if (going) return void answer.resume();
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      if (going) {
        dark = wentDark = true;
        held.push(res);
      }
      forward.end(body);
    });
  });
  const url = await listen(server);
  return {
    url,
    /** Whether the first CreateUserPool has come (and gone unanswered). */
    wentDark: () => wentDark,
    wake: () => (dark = false),
    close: async () => {
      for (const r of held) r.destroy();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

test('an endpoint that never answers at all: exit 3 before anything is created', async () => {
  const sockets: Socket[] = [];
  const silent = createServer((s) => void sockets.push(s));
  const url = await listen(silent);
  const cwd = mkdtempSync(join(work, 'silent-'));
  try {
    const cli = startCli(['run', '--target', 'silent', '--endpoint', url, '--suite', 'enhanced-flow'], { cwd, env: childEnv(keys()) });
    expect(await cli.exited).toEqual({ code: 3, signal: null });
    expect(cli.stderr).toContain(`idchain: Target silent at ${url} is not reachable`);
    expect(readdirSync(cwd)).toEqual([]); // no ledger, no report
  } finally {
    for (const s of sockets) s.destroy();
    silent.close();
  }
});

test('a target that goes silent mid-run: the create times out, teardown cannot confirm, the ledger is kept, and sweep finishes the job', async () => {
  const proxy = await silentAfterFirstCreate();
  const cwd = mkdtempSync(join(work, 'dark-'));
  try {
    const cli = startCli(['run', '--target', 'darkened', '--endpoint', proxy.url, '--suite', 'enhanced-flow', '--request-timeout', '2s'], { cwd, env: childEnv(keys()) });
    expect(await cli.exited).toEqual({ code: 1, signal: null });
    // Suites provision side by side: whichever create the silence catches first is the one reported.
    expect(cli.stderr).toMatch(/fixture could not be provisioned: Could not create (user pool main|role foreign): TimeoutError/);
    expect(cli.stderr).toMatch(/could not delete user-pool idchain-[0-9a-f]{8}-enhanced-flow-main: could not read: TimeoutError/);
    const ledgers = readdirSync(join(cwd, '.idchain', 'ledger'));
    expect(ledgers).toHaveLength(1);
    // The pool the cut-off create made is on the emulator; the ledger knows it only by name.
    const left = await idchainResources(admin);
    expect(left).toEqual([expect.stringMatching(/^user-pool idchain-[0-9a-f]{8}-enhanced-flow-main$/)]);
    expect(readFileSync(join(cwd, '.idchain', 'ledger', ledgers[0]), 'utf8')).not.toMatch(/"op":"created"/);

    proxy.wake();
    const sweep = startCli(['sweep', '--target', 'darkened', '--older-than', '1d'], { cwd, env: childEnv(keys()) });
    expect(await sweep.exited).toEqual({ code: 0, signal: null });
    expect(sweep.stdout).toMatch(new RegExp(`^ {2}deleted +user-pool +${left[0].split(' ')[1]} `, 'm'));
    expect(sweep.stdout).toContain('ledger removed: every resource is confirmed gone');
    expect(await idchainResources(admin)).toEqual([]);
    expect(readdirSync(join(cwd, '.idchain', 'ledger'))).toEqual([]);
  } finally {
    await proxy.close();
  }
});

test('the run’s deadline: it stops, teardown gets its own deadline, the ledger is kept, exit 3', async () => {
  const proxy = await silentAfterFirstCreate();
  const cwd = mkdtempSync(join(work, 'deadline-'));
  try {
    // The deadline is long enough for the run to reach its first create even on a loaded machine (checked below):
    // from there the run waits on a call that will never be answered, and only the deadline ends it.
    const args = ['run', '--target', 'darkened', '--endpoint', proxy.url, '--suite', 'enhanced-flow', '--timeout', '15s', '--request-timeout', '1h', '--teardown-timeout', '2s'];
    const cli = startCli(args, { cwd, env: childEnv(keys()) });
    expect(await cli.exited).toEqual({ code: 3, signal: null });
    expect(proxy.wentDark()).toBe(true);
    expect(cli.stderr).toContain('idchain: the run passed its deadline (--timeout 15s): starting no new work, cancelling the calls in flight, tearing down (up to 2s');
    // Provisioning is a graph, so other creates may have been cut off beside the pool's: teardown meets the
    // deadline on whichever it reaches first, and the pool is either cut off too or not reached before it.
    expect(cli.stderr).toMatch(/could not delete user-pool idchain-[0-9a-f]{8}-enhanced-flow-main: (could not read: .*\(the teardown deadline passed\)|the teardown deadline passed before it was reached)/);
    expect(cli.stderr).toContain('idchain: stopped (deadline --timeout 15s); exit 3');
    expect(readdirSync(join(cwd, '.idchain', 'ledger'))).toHaveLength(1);
    proxy.wake();
    const sweep = startCli(['sweep', '--target', 'darkened', '--older-than', '1d'], { cwd, env: childEnv(keys()) });
    expect(await sweep.exited).toEqual({ code: 0, signal: null });
    expect(await idchainResources(admin)).toEqual([]);
  } finally {
    await proxy.close();
  }
});
