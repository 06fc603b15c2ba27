import { ListUserPoolsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSession, runContract, startEmulator } from '../harness';

// The library entry points a team's own code uses (README "Use from code").
const work = mkdtempSync(join(tmpdir(), 'idchain-api-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

test("runContract({ target: 'reference', suite: 'enhanced-flow' }): every case passes, compared with the reference goldens", async () => {
  const run = await runContract({ target: 'reference', suite: 'enhanced-flow', ledgerDir: join(work, 'ledger') });
  // The enhanced-flow suite has 14 cases (README "What it checks").
  expect(run.summary).toEqual({ total: 14, pass: 14, fail: 0, unsupported: 0, error: 0 });
  expect(run.report.summary).toEqual(run.summary);
  expect(run.baseline).toEqual({ name: 'reference', missing: [], stale: [], maxAgeDays: 30 });
  expect(run.leftovers).toEqual([]);
});

test('openSession: provisions a fixture on the target and deletes it when disposed', async () => {
  const session = await openSession({ target: 'reference', ledgerDir: join(work, 'ledger') });
  const pools = () => session.clients.idp.send(new ListUserPoolsCommand({ MaxResults: 60 })).then((r) => r.UserPools?.map((p) => p.Id));
  const fx = await session.provision({ userPools: { main: { clients: { web: { authFlows: ['USER_PASSWORD_AUTH'] } }, users: { alice: {} } } } });
  expect(await pools()).toEqual([fx.userPool('main').id]);
  expect(fx.user('main', 'alice').sub).toMatch(/^[0-9a-f-]{36}$/);
  const emulator = session.target;
  await session.teardown();
  expect(await pools()).toEqual([]);
  await session[Symbol.asyncDispose]();
  // The session started the emulator, so disposing stops it.
  await expect(fetch(emulator.endpoint!)).rejects.toThrow();
});

test('startEmulator: the reference emulator alone, refusing keys it did not issue', async () => {
  const emulator = await startEmulator({ port: 0 });
  try {
    expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(emulator.services).toEqual(expect.arrayContaining(['cognito-idp', 'cognito-identity', 'sts', 'iam']));
    const sts = (credentials: { accessKeyId: string; secretAccessKey: string }) => new STSClient({ endpoint: emulator.url, region: emulator.region, credentials });
    expect((await sts(emulator.credentials).send(new GetCallerIdentityCommand({}))).Account).toBe(emulator.accountId);
    // STS answers unknown keys with InvalidClientTokenId (STS-API Common Errors).
    await expect(sts({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'not-issued' }).send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ name: 'InvalidClientTokenId' });
  } finally {
    await emulator.stop();
  }
});
