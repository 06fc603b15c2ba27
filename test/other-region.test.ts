import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeClaims, runContract, type ContractRun } from '../harness';

// The whole contract in an opt-in Region of the aws partition, Europe (Milan), on the
// reference emulator started in that Region, compared with the shipped us-east-1 goldens:
// every case passes and every golden compares equal. What differs by Region is derived
// (ARNs, provider names, the identity pool's issuer, trust principal and Logins key:
// harness/targets/region.ts) or normalized (`<region>`, `<cognito-identity>`).
const work = mkdtempSync(join(tmpdir(), 'idchain-other-region-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let run: ContractRun;
beforeAll(async () => {
  run = await runContract({ region: 'eu-south-1', baseline: 'reference', ledgerDir: join(work, 'ledger'), reportDir: join(work, 'reports') });
});

test('every case passes in eu-south-1 and matches its reference golden', () => {
  expect(run.provenance.region).toBe('eu-south-1');
  expect(run.cases.filter((c) => c.verdict !== 'pass').map((c) => ({ id: c.id, findings: c.findings, error: c.error }))).toEqual([]);
  expect(run.baseline).toMatchObject({ name: 'reference', missing: [] });
  expect(run.leftovers).toEqual([]);
});

test("the run really was in eu-south-1: the identity pool's OpenID token carries the regional issuer, and STS names the regional principal", () => {
  // [doc] CG "Identity pools authentication flow": opt-in Regions like Europe (Milan) have regional jwks_uri documents.
  const claims = run.cases.find((c) => c.id === 'basic/openid-token-claims')!.steps.find((s) => s.operation === 'GetOpenIdToken')!;
  expect(decodeClaims((claims.output as { Token: string }).Token).iss).toBe('https://cognito-identity.eu-south-1.amazonaws.com');
  // [inferred] the principal of an opt-in Region (harness/targets/region.ts).
  const sts = run.cases.find((c) => c.id === 'basic/sts-names-the-web-identity')!.steps.find((s) => s.operation === 'AssumeRoleWithWebIdentity')!;
  expect((sts.output as { Provider: string }).Provider).toBe('cognito-identity.eu-south-1.amazonaws.com');
  // The user pools' provider names carry the Region.
  const login = run.cases.find((c) => c.id === 'enhanced/editor-gets-editor-role')!.steps.find((s) => s.operation === 'GetId')!;
  expect(Object.keys((login.input as { Logins: Record<string, string> }).Logins)).toEqual([expect.stringMatching(/^cognito-idp\.eu-south-1\.amazonaws\.com\/eu-south-1_\w+$/)]);
});

test('report.md names the Region and lists what it rests on among the inferences', () => {
  const md = readFileSync(join(run.reportDir!, 'report.md'), 'utf8');
  expect(md).toContain('region eu-south-1');
  expect(md).toContain('- Region eu-south-1: the identity-pool trust principal, condition-key prefix and STS Provider cognito-identity.eu-south-1.amazonaws.com');
  expect(md).toContain('| `basic/duration-7200-accepted-max-7200` [conflict] | ✅ pass |');
});
