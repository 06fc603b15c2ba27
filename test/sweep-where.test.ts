import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { sweepCommand } from '../harness/cli/commands/sweep';
import type { CliIo } from '../harness/cli/io';
import type { LedgerHeader } from '../harness/provisioning/ledger';
import type { Place, Reach } from '../harness/provisioning/sweep';
import { reachTargets } from '../harness/provisioning/sweep-reach';

// Sweep goes where each ledger says and nowhere else: checked with ledgers
// written as a run writes them, and a reach seam that records every place
// sweep tried to go (no network unless a test says so).
const work = mkdtempSync(join(tmpdir(), 'idchain-sweep-where-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let n = 0;

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => void stdout.push(t), err: (t) => void stderr.push(t) };
}

const deadPid = spawnSync(process.execPath, ['-e', '']).pid!;

function writeLedger(header: Partial<LedgerHeader>, lines: object[] = [{ op: 'creating', at: '2026-01-01T00:00:00Z', kind: 'iam-role', name: 'idchain-0000abcd-fx-r', id: 'idchain-0000abcd-fx-r' }]) {
  const dir = join(work, `ledger-${n++}`);
  mkdirSync(dir);
  const full: LedgerHeader = {
    op: 'run',
    format: 2,
    runId: '0000abcd',
    at: '2026-01-01T00:00:00Z',
    target: 'moto',
    targetKind: 'emulator',
    endpoint: 'http://127.0.0.1:5000',
    region: 'eu-west-1',
    account: '123456789012',
    services: ['iam', 'sts'],
    lifetime: 'independent',
    pid: deadPid,
    host: hostname(),
    ...header,
  };
  const file = join(dir, `${full.runId}.jsonl`);
  writeFileSync(file, [full, ...lines].map((l) => JSON.stringify(l)).join('\n') + '\n');
  return { dir, file };
}

/** A reach that refuses every place, writing down where it was sent. */
function refusingReach(): Reach & { places: Place[] } {
  const places: Place[] = [];
  const reach = Object.assign(
    async (place: Place) => {
      places.push(place);
      throw new Error('connect ECONNREFUSED');
    },
    { places },
  );
  return reach;
}

test('sweep uses the Region and endpoint the ledger recorded, not AWS_REGION; a place it cannot reach keeps the ledger and exits 3', async () => {
  const { dir, file } = writeLedger({});
  const reach = refusingReach();
  const io = capture();
  expect(await sweepCommand({ target: 'moto', olderThan: '2h', ledgerDir: dir, reach, env: { AWS_REGION: 'us-west-2' } }, io)).toBe(3);
  expect(reach.places.map((p) => [p.target, p.endpoint, p.region])).toEqual([['moto', 'http://127.0.0.1:5000', 'eu-west-1']]);
  expect(io.stdout.join('\n')).toContain('ledger kept: cannot reach moto at http://127.0.0.1:5000 (eu-west-1): connect ECONNREFUSED');
  expect(existsSync(file)).toBe(true);
});

test('an endpoint nobody listens on, reached for real: exit 3 and the ledger kept', async () => {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  const { dir, file } = writeLedger({ endpoint: `http://127.0.0.1:${port}` });
  const io = capture();
  expect(await sweepCommand({ target: 'moto', olderThan: '2h', ledgerDir: dir, env: {} }, io)).toBe(3);
  expect(io.stdout.join('\n')).toMatch(new RegExp(`ledger kept: cannot reach moto at http://127.0.0.1:${port} .*is not reachable`));
  expect(existsSync(file)).toBe(true);
});

test('the in-process reference emulator of a run that has ended took its resources with it: no emulator is started, the ledger goes', async () => {
  const { dir, file } = writeLedger({ target: 'reference', lifetime: 'in-process', endpoint: 'http://127.0.0.1:40999' });
  const reach = refusingReach();
  const io = capture();
  expect(await sweepCommand({ target: 'reference', olderThan: '2h', ledgerDir: dir, reach }, io)).toBe(0);
  expect(reach.places).toEqual([]);
  const out = io.stdout.join('\n');
  expect(out).toMatch(new RegExp(`already gone +iam-role +idchain-0000abcd-fx-r +— the reference emulator that held them ran inside process ${deadPid}, which has ended`));
  expect(out).toContain('ledger removed: its resources ended with the emulator that held them');
  expect(out).toContain('not scanned by prefix: the reference emulator a run starts lives inside that run');
  expect(existsSync(file)).toBe(false);
});

test('a ledger whose run is still going is not swept from under it (exit 1), unless that run handed it over (--keep)', async () => {
  const running = process.ppid; // alive, and not this process
  const { dir, file } = writeLedger({ pid: running });
  const reach = refusingReach();
  const io = capture();
  expect(await sweepCommand({ target: 'moto', olderThan: '0s', ledgerDir: dir, reach }, io)).toBe(1);
  expect(io.stdout.join('\n')).toContain(`ledger kept: its run is still going (pid ${running})`);
  expect(reach.places).toEqual([]);
  writeFileSync(file, JSON.stringify({ op: 'released', at: '2026-01-01T00:00:01Z' }) + '\n', { flag: 'a' });
  expect(await sweepCommand({ target: 'moto', olderThan: '0s', ledgerDir: dir, reach }, capture())).toBe(3);
  expect(reach.places).toHaveLength(1);
});

test('credentials answering for another account than the ledger’s: exit 3, nothing touched', async () => {
  const { dir, file } = writeLedger({});
  const reach: Reach = async () => ({ clients: {} as never, account: '999999999999', close: async () => {} });
  const io = capture();
  expect(await sweepCommand({ target: 'moto', olderThan: '2h', ledgerDir: dir, reach }, io)).toBe(3);
  expect(io.stdout.join('\n')).toContain("answers for account 999999999999 with these credentials; the ledger's resources are in account 123456789012");
  expect(existsSync(file)).toBe(true);
});

test('only the ledgers of the target asked for are swept', async () => {
  const { dir, file } = writeLedger({ target: 'localstack' });
  const reach = refusingReach();
  const io = capture();
  expect(await sweepCommand({ target: 'moto', olderThan: '2h', ledgerDir: dir, reach }, io)).toBe(0);
  expect(io.stdout.join('\n')).toContain(`no ledger to sweep in ${dir}`);
  expect(existsSync(file)).toBe(true);
});

test('a ledger from before headers is kept with a reason: exit 3', async () => {
  const dir = join(work, `ledger-${n++}`);
  mkdirSync(dir);
  writeFileSync(join(dir, 'cafef00d.jsonl'), JSON.stringify({ at: '2026-01-01T00:00:00Z', runId: 'cafef00d', target: 'moto', region: 'us-east-1', op: 'creating', kind: 'iam-role', name: 'idchain-cafef00d-r' }) + '\n');
  const io = capture();
  expect(await sweepCommand({ target: 'moto', olderThan: '2h', ledgerDir: dir, reach: refusingReach() }, io)).toBe(3);
  expect(io.stdout.join('\n')).toContain('written by an older idchain: it does not say which endpoint, Region and account its resources are in');
});

test.each(['0', '2', 'soon', '2 h', '-1h'])('--older-than %s is bad usage (exit 2, a unit is required)', async (raw) => {
  await expect(sweepCommand({ target: 'moto', olderThan: raw, ledgerDir: work, reach: refusingReach() }, capture())).rejects.toMatchObject({
    exitCode: 2,
    message: expect.stringContaining(`--older-than ${raw} is not a duration`),
  });
});

test('an aws ledger is swept in its own Region, through the aws target’s allow-list and account check', async () => {
  const { dir, file } = writeLedger({ target: 'aws', targetKind: 'aws', endpoint: undefined, region: 'eu-west-1', account: '111111111111', services: ['iam', 'sts', 'cognito-idp', 'cognito-identity'] });
  const asked: string[] = [];
  const aws = {
    sharedConfig: async () => ({ configFile: {}, credentialsFile: {} }),
    resolveCredentials: async () => ({ accessKeyId: 'AKIAEXAMPLEEXAMPLE00', secretAccessKey: 'not-a-secret' }),
    // The ledger's Region answers for another account; the scan's Region is not reachable: no call leaves this process.
    callerAccount: async (_c: unknown, region: string) => {
      asked.push(region);
      if (region === 'eu-west-1') return '222222222222';
      throw new Error('getaddrinfo ENOTFOUND sts.us-west-2.amazonaws.com');
    },
  };
  const io = capture();
  const env = { AWS_REGION: 'us-west-2', IDCHAIN_AWS_ACCOUNTS: '111111111111,222222222222' };
  expect(await sweepCommand({ target: 'aws', olderThan: '2h', ledgerDir: dir, env, reach: reachTargets({ env, aws }) }, io)).toBe(3);
  expect(asked).toEqual(['eu-west-1', 'us-west-2']); // the ledger's Region, then AWS_REGION for the scan by prefix
  expect(io.stdout.join('\n')).toContain("aws in eu-west-1 answers for account 222222222222 with these credentials; the ledger's resources are in account 111111111111");
  expect(io.stdout.join('\n')).toContain('not scanned: cannot reach aws in us-west-2: Could not reach AWS STS in us-west-2');
  expect(existsSync(file)).toBe(true);
});
