import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { referenceTarget, runContract, type StartedTarget, type SuiteDefinition } from '../harness';
import { assumeRoleSuite } from '../suites/assume-role/suite';
import { federationTokensSuite } from '../suites/federation-tokens/suite';
import { resourceAccessSuite } from '../suites/resource-access/suite';
import { sessionAttributesSuite } from '../suites/session-attributes/suite';
import { IAMClient } from '@aws-sdk/client-iam';
import { startAsRunner, type Runner } from '../harness/contract/as-runner';
import { fillPlaceholders } from '../harness/contract/ci-policies';
import { permissionChecks } from '../harness/contract/doctor/permission-checks';
import { runPermissions } from '../harness/contract/doctor/run-permissions';
import { deniedAction, firstDenial } from './runner-probe';

// ci/aws/runner-policy.json is enough and no more: as the runner, everything a
// run does is allowed; without any one statement, the first thing the run
// cannot do is refused with AccessDenied naming an action of that statement.
// The emulator authorizes every call as IAM does (condition keys, boundaries),
// so this holds offline. --as-runner proves the whole run (as-runner.test.ts).
const ledgerDir = mkdtempSync(join(tmpdir(), 'idchain-tight-'));
let started: StartedTarget;
beforeAll(async () => {
  started = await referenceTarget().start({});
});
afterAll(async () => {
  await started.stop();
  rmSync(ledgerDir, { recursive: true, force: true });
});

type Statement = { Sid: string; Action: string | string[] };
const RAW = readFileSync(join(__dirname, '../ci/aws/runner-policy.json'), 'utf8');
const STATEMENTS = (JSON.parse(RAW).Statement as Statement[]).map((s) => ({ sid: s.Sid, actions: Array.isArray(s.Action) ? s.Action : [s.Action] }));

/** The runner policy for one CiName stem, placeholders filled as the bootstrap stack fills them, without the statement `without`. */
function policyFor(ciName: string, without?: string) {
  const policy = JSON.parse(fillPlaceholders(RAW, { partition: 'aws', accountId: '123456789012', region: started.region, prefix: 'idchain-', ciName }));
  policy.Statement = policy.Statement.filter((s: Statement) => s.Sid !== without);
  return policy;
}

/** What `idchain doctor` reports for the runner: the failing lines' details. */
async function doctorFailures(runner: Runner): Promise<string[]> {
  const iam = new IAMClient({ region: runner.target.region, endpoint: runner.target.endpoint, credentials: runner.target.credentials });
  try {
    const needed = runPermissions({ partition: 'aws', accountId: '123456789012', region: started.region, permissionsBoundary: runner.permissionsBoundary });
    return (await permissionChecks(iam, runner.sessionArn, needed)).filter((c) => c.status === 'fail').map((c) => c.detail);
  } finally {
    iam.destroy();
  }
}

test('the policy has the statements this test removes, one at a time', () => {
  expect(STATEMENTS.length).toBeGreaterThanOrEqual(19);
});

test("the doctor checks exactly the policy's actions: each one a run needs, and none the policy does not grant", () => {
  const checked = runPermissions({ partition: 'aws', accountId: '123456789012', region: 'us-east-1' }).map((p) => p.action);
  // The doctor's own two are used by the doctor itself (GetRole to find the role, SimulatePrincipalPolicy to check it).
  expect([...new Set([...checked, 'iam:GetRole', 'iam:SimulatePrincipalPolicy'])].sort()).toEqual(STATEMENTS.flatMap((s) => s.actions).sort());
});

test('with every statement, nothing the run does is refused', async () => {
  const runner = await startAsRunner(started, { ciName: 'ci-full', runnerPolicy: policyFor('ci-full') });
  expect(await firstDenial(runner, ledgerDir)).toBeUndefined();
});

test.each(STATEMENTS.map((s, i) => [s.sid, i, s.actions] as const))('without %s, the run is refused with AccessDenied naming one of its actions', async (sid, i, actions) => {
  const ciName = `ci-minus-${i}`;
  const runner = await startAsRunner(started, { ciName, runnerPolicy: policyFor(ciName, sid) });
  // The doctor names every action of the statement (or, without its own statement, cannot simulate)…
  const doctor = await doctorFailures(runner);
  if (sid === 'DoctorChecksItsOwnPermissions') expect(doctor).toEqual([expect.stringMatching(/^could not simulate the caller's policies: AccessDenied: .* iam:GetRole on resource/)]);
  else expect(doctor.map((d) => d.split(' ')[0]).sort()).toEqual([...actions].sort());
  // …and on the wire, the first call the run cannot make is refused naming one of them.
  const message = await firstDenial(runner, ledgerDir);
  expect(message).toMatch(/is not authorized to perform: \S+ on resource/);
  expect(actions).toContain(deniedAction(message));
});

// The boundary, likewise: what the roles and the throwaway user idchain creates
// need, nothing else. Without one of its statements, a case of the suite that
// uses those principals' own permissions that way is refused naming one of its
// actions (in a finding, or in the error of a fixture that could not be made ready).
const BOUNDARY_RAW = readFileSync(join(__dirname, '../ci/aws/boundary-policy.json'), 'utf8');
const BOUNDARY = (JSON.parse(BOUNDARY_RAW).Statement as Statement[]).map((s) => ({ sid: s.Sid, actions: Array.isArray(s.Action) ? s.Action : [s.Action] }));

/** Which suite's cases need each boundary statement: a statement with no entry here fails the test below. */
const NEEDED_BY: Record<string, SuiteDefinition> = {
  ChainOnlyIntoIdchainRoles: assumeRoleSuite,
  CarrySessionAttributesIntoIdchainRoles: sessionAttributesSuite,
  ReadOnlyIdchainRoles: assumeRoleSuite,
  ObjectsInIdchainBuckets: resourceAccessSuite,
  ListIdchainBuckets: resourceAccessSuite,
  ThrowawayUserFederates: federationTokensSuite,
};

function boundaryFor(without: string) {
  const policy = JSON.parse(fillPlaceholders(BOUNDARY_RAW, { partition: 'aws', accountId: '123456789012', region: started.region, prefix: 'idchain-', ciName: 'unused' }));
  policy.Statement = policy.Statement.filter((s: Statement) => s.Sid !== without);
  return policy;
}

test('every boundary statement names the suite whose cases need it', () => {
  expect(BOUNDARY.map((s) => s.sid).sort()).toEqual(Object.keys(NEEDED_BY).sort());
});

test.each(BOUNDARY.map((s, i) => [s.sid, i, s.actions] as const))('without boundary statement %s, a case is refused naming one of its actions', async (sid, i, actions) => {
  const ciName = `ci-boundary-minus-${i}`;
  const runner = await startAsRunner(started, { ciName, runnerPolicy: policyFor(ciName), boundaryPolicy: boundaryFor(sid) });
  // The fixture checks retry AccessDenied as IAM propagation; here it is the point, so they give up at once.
  const retry = { deadlineMs: 200, minDelayMs: 10, maxDelayMs: 50, factor: 2 };
  const run = await runContract({ target: runner.target, permissionsBoundary: runner.permissionsBoundary, suites: [NEEDED_BY[sid]], baseline: false, ledgerDir, retry });
  const refused = run.cases.flatMap((c) => [...c.findings.map((f) => deniedAction(JSON.stringify(f.actual))), deniedAction(c.error)]);
  expect(refused.filter(Boolean).length).toBeGreaterThan(0);
  expect(refused.filter((a) => a && !actions.includes(a))).toEqual([]);
  expect(run.leftovers).toEqual([]);
});
