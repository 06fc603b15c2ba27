import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateRoleCommand, ListRolesCommand } from '@aws-sdk/client-iam';
import { ListUserPoolsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { openSession } from '../harness';
import { parseDuration, sweep } from '../harness/provisioning/sweep';

// A run that crashed after provisioning leaves resources and a ledger; sweep finds
// them by ledger, finds unledgered ones by prefix and age, and leaves others' resources alone.
const work = mkdtempSync(join(tmpdir(), 'idchain-sweep-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

test('sweep deletes what a crashed run left, by ledger and by prefix, and nothing else', async () => {
  const ledgerDir = join(work, 'ledger');
  const session = await openSession({ runId: 'deadbeef', ledgerDir });
  const { clients, target } = session;
  try {
    await session.provision(
      {
        roles: { r: { trust: { identityPools: ['ip'], amr: 'authenticated' } } },
        userPools: { up: { clients: { web: { authFlows: ['USER_PASSWORD_AUTH'] } } } },
        identityPools: { ip: { providers: [{ userPool: 'up', client: 'web' }] } },
      },
      'crash',
    );
    // No teardown: the run "crashed". Plus a role an earlier run made without a ledger, and someone else's role.
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
    await clients.iam.send(new CreateRoleCommand({ RoleName: 'idchain-0badf00d-orphan', AssumeRolePolicyDocument: trust }));
    await clients.iam.send(new CreateRoleCommand({ RoleName: 'team-production-role', AssumeRolePolicyDocument: trust }));

    const later = new Date(Date.now() + 3 * 3_600_000);
    const dry = await sweep({ clients, target: target.name, region: target.region, olderThanMs: parseDuration('2h')!, now: later, dryRun: true, ledgerDir });
    expect(dry.candidates.map((c) => [c.kind, c.found]).sort()).toEqual([
      ['iam-role', 'ledger'],
      ['iam-role', 'prefix'],
      ['identity-pool', 'ledger'],
      ['user-pool', 'ledger'],
    ]);
    expect(dry.deleted).toEqual([]);

    const tooSoon = await sweep({ clients, target: target.name, region: target.region, olderThanMs: parseDuration('2h')!, now: new Date(), dryRun: false, ledgerDir });
    expect(tooSoon.candidates).toEqual([]); // a run younger than the threshold may still be going

    const done = await sweep({ clients, target: target.name, region: target.region, olderThanMs: parseDuration('2h')!, now: later, dryRun: false, ledgerDir });
    expect([done.deleted.length, done.failures]).toEqual([4, []]);
    const roles = await clients.iam.send(new ListRolesCommand({}));
    expect(roles.Roles?.map((r) => r.RoleName)).toEqual(['team-production-role']);
    expect((await clients.idp.send(new ListUserPoolsCommand({ MaxResults: 10 }))).UserPools).toEqual([]);
    expect(readdirSync(ledgerDir)).toEqual([]);
  } finally {
    // What the run left was swept; the session only closes its clients and stops the emulator.
    await session.release();
  }
});

test('parseDuration', () => {
  expect([parseDuration('2h'), parseDuration('30m'), parseDuration('1d'), parseDuration('0'), parseDuration('soon')]).toEqual([7_200_000, 1_800_000, 86_400_000, 0, undefined]);
});
