import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { CreateRoleCommand, DeleteRoleCommand, GetRoleCommand, ListRolesCommand } from '@aws-sdk/client-iam';
import { CreateUserPoolCommand, ListUserPoolsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { CreateIdentityPoolCommand, ListIdentityPoolsCommand } from '@aws-sdk/client-cognito-identity';
import { openSession, startEmulator, type StartedEmulator, type StartedTarget } from '../harness';
import { sweepCommand } from '../harness/cli/commands/sweep';
import type { CliIo } from '../harness/cli/io';
import { createClients, type Clients } from '../harness/clients/factory';
import { Ledger } from '../harness/provisioning/ledger';

// Sweep against a live reference emulator, through the CLI command, checked
// against what the emulator still holds — never against sweep's own word.
const work = mkdtempSync(join(tmpdir(), 'idchain-sweep-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let n = 0;
const freshDir = () => join(work, `ledger-${n++}`);

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

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => void stdout.push(t), err: (t) => void stderr.push(t) };
}

/** The emulator as a target someone else runs (`--endpoint`), with its keys. */
function asEndpoint(name = 'itest'): StartedTarget {
  const stop = async () => {};
  return { name, kind: 'emulator', services: ['cognito-idp', 'cognito-identity', 'sts', 'iam'], region: emulator.region, endpoint: emulator.url, credentials: emulator.credentials, lifetime: 'independent', stop, [Symbol.asyncDispose]: stop };
}
const keys = () => ({ AWS_ACCESS_KEY_ID: emulator.credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: emulator.credentials.secretAccessKey });

async function idchainLeft(): Promise<string[]> {
  const roles = (await admin.iam.send(new ListRolesCommand({}))).Roles ?? [];
  const pools = (await admin.idp.send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools ?? [];
  const ipools = (await admin.identity.send(new ListIdentityPoolsCommand({ MaxResults: 60 }))).IdentityPools ?? [];
  return [...roles.map((r) => `iam-role ${r.RoleName}`), ...pools.map((p) => `user-pool ${p.Name}`), ...ipools.map((p) => `identity-pool ${p.IdentityPoolName}`)]
    .filter((x) => x.includes(' idchain-'))
    .sort();
}

const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

test('a crashed run is swept by its ledger whatever its age, a create cut off before its answer is found by name, and every deletion is confirmed', async () => {
  const ledgerDir = freshDir();
  const session = await openSession({ target: asEndpoint(), runId: 'deadbeef', ledgerDir });
  await session.provision(
    {
      roles: { r: { trust: { identityPools: ['ip'], amr: 'authenticated' } } },
      userPools: { up: { clients: { web: { authFlows: ['USER_PASSWORD_AUTH'] } } } },
      identityPools: { ip: { providers: [{ userPool: 'up', client: 'web' }] } },
    },
    'crash',
  );
  // Killed between a create call and its answer: the intent is ledgered, the pool exists, its id was never written.
  session.ledger.creating('user-pool', 'idchain-deadbeef-crash-lost', { tags: { 'idchain:run': 'deadbeef' } });
  await admin.idp.send(new CreateUserPoolCommand({ PoolName: 'idchain-deadbeef-crash-lost' }));
  // And one whose create never reached the target.
  session.ledger.creating('identity-pool', 'idchain-deadbeef-crash-never');
  await session.release();
  await admin.iam.send(new CreateRoleCommand({ RoleName: 'team-production-role', AssumeRolePolicyDocument: trust }));

  const dry = capture();
  expect(await sweepCommand({ target: 'itest', olderThan: '2h', dryRun: true, ledgerDir, env: keys() }, dry)).toBe(0);
  expect(dry.stdout.join('\n')).toMatch(/dry run: 4 would be deleted, 1 already gone, 0 could not read/);
  expect(await idchainLeft()).toHaveLength(4);

  // The run began moments ago, and --older-than is 2h: a ledger is evidence of its own, whatever its age.
  const io = capture();
  expect(await sweepCommand({ target: 'itest', olderThan: '2h', ledgerDir, env: keys() }, io)).toBe(0);
  const out = io.stdout.join('\n');
  expect(out.split('\n').filter((l) => /^ {2}(deleted|already gone)/.test(l)).map((l) => l.trim().split(/\s{2,}/).slice(0, 3).join(' ')).sort()).toEqual([
    'already gone identity-pool idchain-deadbeef-crash-never',
    'deleted iam-role idchain-deadbeef-crash-r',
    'deleted identity-pool idchain-deadbeef-crash-ip',
    'deleted user-pool idchain-deadbeef-crash-lost',
    'deleted user-pool idchain-deadbeef-crash-up',
  ]);
  expect(out).toContain('ledger removed: every resource is confirmed gone');
  expect(out).toContain('not scanned by prefix: no --endpoint');
  expect(await idchainLeft()).toEqual([]);
  expect((await admin.iam.send(new GetRoleCommand({ RoleName: 'team-production-role' }))).Role?.RoleName).toBe('team-production-role');
  expect(readdirSync(ledgerDir)).toEqual([]);
  await admin.iam.send(new DeleteRoleCommand({ RoleName: 'team-production-role' }));
});

test('by prefix, an identity pool made minutes ago is found with --older-than 0s (it has no creation time, only its expiry tag)', async () => {
  const ledgerDir = freshDir();
  const expires = new Date(Date.now() + 2 * 3_600_000).toISOString();
  await admin.identity.send(
    new CreateIdentityPoolCommand({ IdentityPoolName: 'idchain-0badf00d-orphan', AllowUnauthenticatedIdentities: true, IdentityPoolTags: { 'idchain:run': '0badf00d', 'idchain:expires': expires } }),
  );
  await admin.iam.send(new CreateRoleCommand({ RoleName: 'idchain-0badf00d-young', AssumeRolePolicyDocument: trust }));

  const waiting = capture();
  expect(await sweepCommand({ target: 'itest', endpoint: emulator.url, olderThan: '1h', ledgerDir, env: keys() }, waiting)).toBe(0);
  expect(waiting.stdout.join('\n')).toContain('nothing found');
  expect(await idchainLeft()).toEqual(['iam-role idchain-0badf00d-young', 'identity-pool idchain-0badf00d-orphan']);

  const io = capture();
  expect(await sweepCommand({ target: 'itest', endpoint: emulator.url, olderThan: '0s', ledgerDir, env: keys() }, io)).toBe(0);
  expect(io.stdout.join('\n')).toMatch(/^ {2}deleted +identity-pool +idchain-0badf00d-orphan/m);
  expect(io.stdout.join('\n')).toMatch(/^ {2}deleted +iam-role +idchain-0badf00d-young/m);
  expect(await idchainLeft()).toEqual([]);
});

test('a delete the target answers but does not do is "still present": exit 1, ledger kept', async () => {
  const ledgerDir = freshDir();
  const session = await openSession({ target: asEndpoint(), runId: 'feedface', ledgerDir });
  await session.provision({ roles: { r: { trust: { identityPools: [], amr: 'authenticated' } } } }, 'liar');
  await session.release();
  // A target that says yes to DeleteRole and keeps the role.
  const reach = async () => {
    const clients = createClients({ region: emulator.region, endpoint: emulator.url, credentials: emulator.credentials });
    clients.iam.middlewareStack.add(
      (next, context) => async (args) => ((context as { commandName?: string }).commandName === 'DeleteRoleCommand' ? ({ output: { $metadata: {} } } as Awaited<ReturnType<typeof next>>) : next(args)),
      { step: 'initialize', name: 'liar' },
    );
    return { clients, account: emulator.accountId, close: async () => clients.destroy() };
  };
  const io = capture();
  const confirm = { delaysMs: [0, 1, 1], sleep: async () => {} };
  expect(await sweepCommand({ target: 'itest', olderThan: '2h', ledgerDir, reach, confirm }, io)).toBe(1);
  expect(io.stdout.join('\n')).toMatch(/^ {2}still present +iam-role +idchain-feedface-liar-r .*still lists idchain-feedface-liar-r after the delete/m);
  expect(io.stdout.join('\n')).toContain('ledger kept: not every resource is confirmed gone');
  expect(readdirSync(ledgerDir)).toEqual(['feedface.jsonl']);
  // Swept honestly, it goes.
  expect(await sweepCommand({ target: 'itest', olderThan: '2h', ledgerDir, env: keys() }, capture())).toBe(0);
  expect(await idchainLeft()).toEqual([]);
});
