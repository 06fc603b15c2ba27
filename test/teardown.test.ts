import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListRolesCommand, IAMClient } from '@aws-sdk/client-iam';
import { CognitoIdentityProviderClient, ListUserPoolsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoIdentityClient, ListIdentityPoolsCommand } from '@aws-sdk/client-cognito-identity';
import { defineSuite, referenceTarget, runContract, type StartedTarget, type SuiteDefinition } from '../harness';

// Teardown runs in reverse order whatever happens, and leaves nothing behind:
// checked against what the emulator still holds, not against the harness's own bookkeeping.
const work = mkdtempSync(join(tmpdir(), 'idchain-teardown-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const cite = [{ kind: 'doc' as const, ref: 'test' }];
const trust = { identityPools: ['ip'], amr: 'authenticated' as const };

async function leftInTarget(target: StartedTarget) {
  const base = { endpoint: target.endpoint, region: target.region, credentials: target.credentials };
  const roles = await new IAMClient(base).send(new ListRolesCommand({}));
  const pools = await new CognitoIdentityProviderClient(base).send(new ListUserPoolsCommand({ MaxResults: 60 }));
  const identityPools = await new CognitoIdentityClient(base).send(new ListIdentityPoolsCommand({ MaxResults: 60 }));
  return { roles: roles.Roles?.length ?? 0, userPools: pools.UserPools?.length ?? 0, identityPools: identityPools.IdentityPools?.length ?? 0 };
}

async function withTarget(suites: SuiteDefinition[], signal?: AbortSignal) {
  const target = await referenceTarget().start({});
  const ledgerDir = mkdtempSync(join(work, 'ledger-'));
  try {
    const run = await runContract({ target, suites, baseline: false, ledgerDir, signal });
    return { run, left: await leftInTarget(target), ledgerFiles: readdirSync(ledgerDir) };
  } finally {
    await target.stop();
  }
}

const baseFixture = {
  userPools: { up: { clients: { web: { authFlows: ['USER_PASSWORD_AUTH' as const] } }, users: { u: {} } } },
  identityPools: { ip: { providers: [{ userPool: 'up', client: 'web' }] } },
};

test('a fixture that fails halfway is torn down, and its cases are errors naming the resource', async () => {
  const suite = defineSuite({
    name: 'broken-fixture',
    title: 'a role AWS refuses',
    services: ['iam', 'cognito-idp', 'cognito-identity'],
    // MaxSessionDuration must be 3600–43200 (IAM-API CreateRole): the second role is refused.
    fixture: { ...baseFixture, roles: { fine: { trust }, refused: { trust, maxSessionDuration: 60 } } },
    cases: [{ id: 'broken/never-runs', title: 'never runs', citations: cite, run: async () => {} }],
  });
  const { run, left, ledgerFiles } = await withTarget([suite]);
  expect(run.cases[0].verdict).toBe('error');
  expect(run.cases[0].error).toMatch(/^fixture could not be provisioned: Could not create role refused: ValidationError: /);
  expect(left).toEqual({ roles: 0, userPools: 0, identityPools: 0 });
  expect(ledgerFiles).toEqual([]);
});

test('an interrupt stops new cases, and teardown still runs', async () => {
  const controller = new AbortController();
  const ran: string[] = [];
  const suite = defineSuite({
    name: 'interrupted',
    title: 'Ctrl-C during the first case',
    services: ['iam', 'cognito-idp', 'cognito-identity'],
    fixture: { ...baseFixture, roles: { r: { trust } } },
    cases: ['a', 'b', 'c'].map((name) => ({
      id: `interrupted/${name}`,
      title: name,
      citations: cite,
      async run() {
        ran.push(name);
        controller.abort(); // what the CLI's SIGINT handler does
      },
    })),
  });
  const target = await referenceTarget().start({});
  const ledgerDir = mkdtempSync(join(work, 'ledger-'));
  try {
    // One case at a time, so the abort lands before the others start.
    const run = await runContract({ target, suites: [suite], baseline: false, ledgerDir, signal: controller.signal, concurrency: 1 });
    expect(ran).toEqual(['a']);
    expect(run.cases.map((c) => [c.id, c.verdict, c.error])).toEqual([
      ['interrupted/a', 'pass', undefined],
      ['interrupted/b', 'error', 'interrupted before it ran'],
      ['interrupted/c', 'error', 'interrupted before it ran'],
    ]);
    expect(await leftInTarget(target)).toEqual({ roles: 0, userPools: 0, identityPools: 0 });
    expect(readdirSync(ledgerDir)).toEqual([]);
  } finally {
    await target.stop();
  }
});

test('a case that throws is an error, and teardown still runs', async () => {
  const suite = defineSuite({
    name: 'throwing',
    title: 'a harness bug inside a case',
    services: ['iam', 'cognito-idp', 'cognito-identity'],
    fixture: { ...baseFixture, roles: { r: { trust } } },
    cases: [
      {
        id: 'throwing/bug',
        title: 'bug',
        citations: cite,
        run: async () => {
          throw new TypeError('undefined is not a function');
        },
      },
    ],
  });
  const { run, left } = await withTarget([suite]);
  expect([run.cases[0].verdict, run.cases[0].error]).toEqual(['error', 'TypeError: undefined is not a function']);
  expect(left).toEqual({ roles: 0, userPools: 0, identityPools: 0 });
});

test('a suite needing a service the target does not claim is unsupported, and nothing is provisioned', async () => {
  const suite = defineSuite({ name: 'needs-more', title: '', services: ['iam'], fixture: { ...baseFixture, roles: { r: { trust } } }, cases: [{ id: 'needs/x', title: 'x', citations: cite, run: async () => {} }] });
  const target = await referenceTarget().start({});
  try {
    const run = await runContract({ target: { ...target, services: ['cognito-idp'] }, suites: [suite], baseline: false, ledgerDir: mkdtempSync(join(work, 'ledger-')) });
    expect(run.cases[0]).toMatchObject({ verdict: 'unsupported', findings: [{ path: 'target.services', kind: 'unsupported', actual: 'reference does not claim iam' }] });
    expect(await leftInTarget(target)).toEqual({ roles: 0, userPools: 0, identityPools: 0 });
  } finally {
    await target.stop();
  }
});
