import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSession, referenceTarget } from '../harness';
import { Timeline } from '../harness/clients/timeline';
import { Ledger } from '../harness/provisioning/ledger';
import { provisionFixture, type ResourceOutcome } from '../harness/provisioning/provision';
import { suites } from '../suites';
import { RecordingAws } from './recording-aws';

// Provisioning is one graph: every resource is created as soon as what it names
// exists, many at once. Checked against a fake AWS that refuses — by recording —
// any request naming something whose create has not answered yet (test/recording-aws.ts).
const work = mkdtempSync(join(tmpdir(), 'idchain-order-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function ledger(runId: string) {
  return new Ledger({ runId, target: 'fake', targetKind: 'emulator', region: 'us-east-1', services: ['iam', 'sts', 'cognito-idp', 'cognito-identity', 's3'], lifetime: 'in-process' }, join(work, runId));
}

it.each([1, 2, 3])('every suite’s fixture at once (seed %i): no request names a resource before its create answered, and they overlap', async (seed) => {
  const aws = new RecordingAws(seed);
  const outcomes: ResourceOutcome[] = [];
  const runId = `order${seed}`;
  const led = ledger(runId);
  const fixtures = await Promise.all(
    suites.map((suite) =>
      provisionFixture(suite.fixture, runId, { clients: aws.clients(), ledger: led, region: 'us-east-1', scope: suite.name.slice(0, 16), timelinePrefix: suite.name, onResource: (o) => outcomes.push(o) }),
    ),
  );
  expect(aws.violations).toEqual([]);
  expect(fixtures).toHaveLength(suites.length);
  expect(outcomes.filter((o) => o.status !== 'made')).toEqual([]);
  // Real work was done, much of it at once: the graph does not queue one resource after another.
  expect(aws.calls.filter((c) => c === 'CreateRole').length).toBeGreaterThan(20);
  expect(aws.maxInFlight).toBeGreaterThan(10);
  // Each outcome names what it waited for by timeline id, within its own suite.
  const admin = outcomes.find((o) => o.id === 'enhanced-flow/iam-role:admin')!;
  expect(admin.after).toEqual(expect.arrayContaining(['enhanced-flow/caller:caller', 'enhanced-flow/identity-pool:main', 'enhanced-flow/identity-pool:deny']));
  expect(admin.ledgered).toEqual([{ kind: 'iam-role', name: `idchain-${runId}-enhanced-flow-admin` }]);
});

it('the fake itself catches a request naming what has not answered yet', async () => {
  const aws = new RecordingAws(7);
  // Sent, not yet answered: the role by its name, the pool by the id it will get (the fake's first token).
  const role = aws.send({ constructor: { name: 'CreateRoleCommand' }, input: { RoleName: 'r' } });
  const pool = aws.send({ constructor: { name: 'CreateUserPoolCommand' }, input: {} });
  const early = [
    aws.send({ constructor: { name: 'PutRolePolicyCommand' }, input: { RoleName: 'r' } }),
    aws.send({ constructor: { name: 'CreateGroupCommand' }, input: { UserPoolId: 'us-east-1_fake2x', GroupName: 'g' } }),
  ];
  await Promise.all([role, pool, ...early]);
  await aws.send({ constructor: { name: 'PutRolePolicyCommand' }, input: { RoleName: 'r' } });
  expect(aws.violations).toEqual(['PutRolePolicy names role:r before its create answered', 'CreateGroup names fake2x before its create answered']);
});

it('after a failure nothing new starts, what was under way finishes, and the first failure is thrown', async () => {
  const aws = new RecordingAws(5);
  const clients = aws.clients();
  const send = aws.send.bind(aws);
  // MaxSessionDuration below 3600 is refused by IAM (IAM-API CreateRole: 3600–43200).
  aws.send = async (command) => {
    if (command.constructor.name === 'CreateRoleCommand' && command.input.MaxSessionDuration === 60) {
      throw Object.assign(new Error("1 validation error detected: Value '60' at 'maxSessionDuration' failed to satisfy constraint"), { name: 'ValidationError' });
    }
    return send(command);
  };
  const outcomes: ResourceOutcome[] = [];
  const trust = { identityPools: ['ip'], amr: 'authenticated' as const };
  const spec = {
    userPools: { up: { clients: { web: { authFlows: ['USER_PASSWORD_AUTH' as const] } }, groups: { g: { role: 'refused' } }, users: { u: { groups: ['g'] } } } },
    identityPools: { ip: { providers: [{ userPool: 'up', client: 'web' }], roles: { authenticated: 'refused' } } },
    roles: { refused: { trust, maxSessionDuration: 60 } },
  };
  await expect(provisionFixture(spec, 'fail1', { clients, ledger: ledger('fail1'), region: 'us-east-1', scope: 'f', onResource: (o) => outcomes.push(o) })).rejects.toThrow(
    /^Could not create role refused: ValidationError: 1 validation error/,
  );
  const status = Object.fromEntries(outcomes.map((o) => [o.id, o.status]));
  expect(status).toMatchObject({ 'f/iam-role:refused': 'failed', 'f/group:up/g': 'not started', 'f/user:up/u': 'not started', 'f/identity-pool-roles:ip': 'not started', 'f/identity-pool:ip': 'made' });
  expect(aws.calls).not.toContain('CreateGroup');
  expect(aws.violations).toEqual([]);
});

it('on the reference emulator in the aws weather, every suite’s fixture at once: each resource started after what it names had ended, and the emulator, which refuses a name it does not know, accepted every create', async () => {
  // weatherScale 0.05: latencies and propagation 20 times shorter, to keep npm test fast.
  const target = await referenceTarget({ weather: 'aws', seed: 3, weatherScale: 0.05 }).start({});
  const session = await openSession({ target, ledgerDir: join(work, 'weathered') });
  const timeline = new Timeline();
  const outcomes: ResourceOutcome[] = [];
  try {
    await Promise.all(
      suites.map((suite) =>
        session.provision(suite.fixture, suite.name.slice(0, 16), { timeline, timelinePrefix: suite.name, onResource: (o) => outcomes.push(o), propagationBoundMs: 3000 }),
      ),
    );
    expect(outcomes.filter((o) => o.status !== 'made').map((o) => o.id)).toEqual([]);
    const early = outcomes.flatMap((o) => {
      const item = timeline.items.get(o.id)!;
      return o.after.map((a) => timeline.items.get(a)!).filter((before) => !(before.end <= item.start)).map((before) => `${o.id} started before ${before.id} ended`);
    });
    expect(early).toEqual([]);
    // Overlap: some resource of one suite was being made while another suite's was.
    const spans = [...timeline.items.values()];
    expect(spans.some((a) => spans.some((b) => a.suite !== b.suite && a.start < b.end && b.start < a.end))).toBe(true);
  } finally {
    const torn = await session.close();
    await target.stop();
    expect(torn.failures).toEqual([]);
  }
});
