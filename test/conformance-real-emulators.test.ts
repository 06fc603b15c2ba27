import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../harness/cli/program';
import type { ConformanceReport } from '../harness/report/conformance-model';
import { describeWithMoto } from './python-prerequisites';

// The harness earns its keep on emulators others wrote: moto (from the machine's
// python) and cognito-local (from node_modules), started by idchain itself.
// Each expectation below is a departure from AWS documentation found by running them.
const work = mkdtempSync(join(tmpdir(), 'idchain-conformance-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describeWithMoto('conformance on moto and cognito-local, as idchain starts them', () => {
  let matrix: ConformanceReport;
  let code: number;
  const cell = (id: string, target: string) => matrix.cases.find((c) => c.id === id)!.results[target];
  const finding = (id: string, target: string, path: string) => cell(id, target).findings.find((f) => f.path === path);
  /** The S3 and session-attribute cases picked here: one identity-pool case, the rest decided by STS, IAM and S3. */
  const ACCESS = [
    'access/own-prefix-read-write',
    'access/bucket-policy-grants-role',
    'access/explicit-deny-wins',
    'access/session-policy-narrows',
    'attributes/external-id-missing-refused',
    'attributes/inherited-transitive-tag-cannot-be-set',
    'attributes/source-identity-set-and-visible',
  ];

  beforeAll(async () => {
    const err: string[] = [];
    const federation = [
      'saml/assertion-gets-credentials',
      'saml/tampered-assertion-refused',
      'assume-role/untrusted-caller-refused',
      'oidc/wrong-audience-refused',
      'federation-token/session-token-answer-shape',
      'sts-duration/assume-role-max3600-899',
    ];
    code = await runCli(['conformance', '--targets', 'reference,moto,cognito-local', '--suite', ['user-pools', 'enhanced/editor-gets-editor-role', ...federation, ...ACCESS].join(','), '--report-dir', work], {
      out: () => {},
      err: (t) => void err.push(t),
    });
    matrix = JSON.parse(readFileSync(join(work, 'conformance.json'), 'utf8'));
  });

  test('all three targets ran, and the matrix and per-target reports were written', () => {
    expect(code).toBe(1);
    expect(matrix.targets.map((t) => [t.name, t.available])).toEqual([
      ['reference', true],
      ['moto', true],
      ['cognito-local', true],
    ]);
    for (const f of ['conformance.md', 'conformance.html', 'reference/report.json', 'moto/report.json', 'cognito-local/report.json']) expect([f, existsSync(join(work, f))]).toEqual([f, true]);
    expect(matrix.targets[0].summary).toMatchObject({ fail: 0, error: 0 });
  });

  test.each(['moto', 'cognito-local'])('%s leaves cognito:preferred_role out of the ID token (CG "Using role-based access control")', (target) => {
    expect(cell('pool/zero-is-highest-precedence', target).verdict).toBe('fail');
    expect(finding('pool/zero-is-highest-precedence', target, 'idToken.cognito:preferred_role')).toMatchObject({ kind: 'contract', actual: 'absent' });
    expect(finding('pool/tie-different-roles-no-preferred-role', target, 'idToken.cognito:roles (sorted)')).toMatchObject({ kind: 'contract', actual: 'absent' });
  });

  test.each(['moto', 'cognito-local'])('%s accepts sign-ins the client does not allow, and a missing SECRET_HASH (UP-API InitiateAuth)', (target) => {
    for (const id of ['pool/user-password-auth-needs-client-flow', 'pool/admin-auth-needs-client-flow', 'pool/secret-hash-required']) {
      expect([id, cell(id, target).findings.filter((f) => f.kind === 'unexpected-success').length]).toEqual([id, 1]);
    }
  });

  test('cognito-local issues one-day tokens where AWS defaults to one hour, and names a wrong password differently', () => {
    expect(finding('pool/tokens-last-one-hour', 'cognito-local', 'idToken.exp-iat')).toMatchObject({ kind: 'contract', expected: 3600, actual: 86400 });
    expect(finding('pool/wrong-password-refused', 'cognito-local', 'InitiateAuth.error.name')).toMatchObject({ expected: 'NotAuthorizedException', actual: 'InvalidPasswordException' });
  });

  test("cognito-local's issuer on its own address is a recorded deviation, not a failure, and hides nothing else", () => {
    const claims = cell('pool/id-token-claims', 'cognito-local');
    expect(claims.findings.find((f) => f.path === 'idToken.iss')?.kind).toBe('deviation');
    expect(claims.findings.filter((f) => f.kind !== 'deviation').length).toBeGreaterThan(0);
  });

  test('cognito-local does not claim identity pools, so identity-pool cases are unsupported there', () => {
    expect(cell('enhanced/editor-gets-editor-role', 'cognito-local')).toMatchObject({ verdict: 'unsupported', findings: [{ kind: 'unsupported', actual: 'cognito-local does not claim cognito-identity, sts, iam' }] });
  });

  test("moto does not implement SetIdentityPoolRoles: the identity-pool case is unsupported, with moto's answer as evidence", () => {
    const c = cell('enhanced/editor-gets-editor-role', 'moto');
    expect(c.verdict).toBe('unsupported');
    expect(c.findings[0]).toMatchObject({ kind: 'unsupported', path: expect.stringMatching(/^fixture\./) });
    expect(String(c.findings[0].actual)).toMatch(/HTTP 500/);
  });

  test('moto does not verify SAML signatures and answers the role session as Subject (STS-API AssumeRoleWithSAML; IAM-UG "Troubleshooting SAML 2.0 federation")', () => {
    expect(finding('saml/tampered-assertion-refused', 'moto', 'AssumeRoleWithSAML')).toMatchObject({ kind: 'unexpected-success', expected: { error: 'InvalidIdentityToken' } });
    // Subject is "the value of the NameID element"; moto answers <RoleId>:<NameID>.
    expect(finding('saml/assertion-gets-credentials', 'moto', 'AssumeRoleWithSAML.Subject')).toMatchObject({ kind: 'contract', expected: 'ana', actual: expect.stringMatching(/^AROA[A-Z0-9]+:ana$/) });
  });

  test('moto does not evaluate trust policies or the OIDC client list, nor the 900-second minimum (STS-API AssumeRole, AssumeRoleWithWebIdentity)', () => {
    expect(finding('assume-role/untrusted-caller-refused', 'moto', 'AssumeRole')).toMatchObject({ kind: 'unexpected-success', expected: { error: 'AccessDenied' } });
    expect(finding('oidc/wrong-audience-refused', 'moto', 'AssumeRoleWithWebIdentity')).toMatchObject({ kind: 'unexpected-success', expected: { error: 'InvalidIdentityToken' } });
    expect(finding('sts-duration/assume-role-max3600-899', 'moto', 'AssumeRole')).toMatchObject({ kind: 'unexpected-success', expected: { error: 'ValidationError' } });
  });

  test('moto gives GetSessionToken credentials a long-term key id, where temporary keys start ASIA (IAM-UG "IAM identifiers")', () => {
    expect(finding('federation-token/session-token-answer-shape', 'moto', 'GetSessionToken.Credentials.AccessKeyId')).toMatchObject({
      kind: 'contract',
      actual: '<redacted:long-term-access-key-id>',
    });
  });

  test('the reference emulator passes every federation case picked here, and cognito-local claims none of their services', () => {
    for (const id of ['saml/tampered-assertion-refused', 'assume-role/untrusted-caller-refused', 'oidc/wrong-audience-refused']) {
      expect([id, cell(id, 'reference').verdict, cell(id, 'cognito-local').verdict]).toEqual([id, 'pass', 'unsupported']);
    }
  });

  test("moto's S3 does not enforce IAM: what neither the role nor a session policy allows is done (IAM-UG \"Policy evaluation logic\", \"Session policies\")", () => {
    expect(finding('access/bucket-policy-grants-role', 'moto', 'GetObject(shared/)')).toMatchObject({ kind: 'unexpected-success', expected: { error: 'AccessDenied' } });
    expect(finding('access/session-policy-narrows', 'moto', 'PutObject(scratch/)')).toMatchObject({ kind: 'unexpected-success', expected: { error: 'AccessDenied' } });
    // What the bucket policy grants is granted: the allow-side of the contract holds there.
    expect(finding('access/bucket-policy-grants-role', 'moto', 'GetObject(reports/)')).toBeUndefined();
  });

  test("moto refuses a bucket policy's explicit deny with a 403 that carries no S3 Error document, so there is no AccessDenied code or message to read", () => {
    expect(finding('access/explicit-deny-wins', 'moto', 'DeleteObject(protected/).error.name')).toMatchObject({ kind: 'contract', expected: 'AccessDenied', actual: 'Unknown' });
    expect(finding('access/explicit-deny-wins', 'moto', 'DeleteObject(protected/).error.message')).toMatchObject({ kind: 'contract', actual: 'UnknownError' });
  });

  test('moto ignores session attributes in STS: an ExternalId trust condition, an inherited transitive tag set again, the SourceIdentity answer and condition (STS-API AssumeRole)', () => {
    expect(finding('attributes/external-id-missing-refused', 'moto', 'AssumeRole(partner)')).toMatchObject({ kind: 'unexpected-success', expected: { error: 'AccessDenied' } });
    expect(finding('attributes/inherited-transitive-tag-cannot-be-set', 'moto', 'AssumeRole(chained, project=beta)')).toMatchObject({ kind: 'unexpected-success', expected: { error: 'InvalidParameterValue' } });
    expect(finding('attributes/source-identity-set-and-visible', 'moto', 'AssumeRole(tagger, SourceIdentity).SourceIdentity')).toMatchObject({ kind: 'contract', expected: 'idchain-auditor', actual: 'absent' });
    expect(finding('attributes/source-identity-set-and-visible', 'moto', 'GetObject(audit/) without')).toMatchObject({ kind: 'unexpected-success' });
  });

  test('an access case needing an identity pool is unsupported on moto (no SetIdentityPoolRoles) while the others in its suite run; cognito-local claims none of their services; the reference passes them all', () => {
    const own = cell('access/own-prefix-read-write', 'moto');
    expect(own.verdict).toBe('unsupported');
    expect(own.findings[0]).toMatchObject({ kind: 'unsupported', path: 'fixture.identity pool rbac', actual: expect.stringMatching(/^roles of identity pool rbac: HTTP 500/) });
    for (const id of ACCESS) {
      expect([id, cell(id, 'reference').verdict, cell(id, 'cognito-local').verdict]).toEqual([id, 'pass', 'unsupported']);
      if (id !== 'access/own-prefix-read-write') expect([id, cell(id, 'moto').verdict]).toEqual([id, 'fail']);
    }
    expect(cell('access/explicit-deny-wins', 'cognito-local').findings[0]).toMatchObject({ actual: 'cognito-local does not claim cognito-identity, sts, iam, s3' });
  });
});

test('localstack without a Docker engine exits 3, says what is missing, and writes nothing', async () => {
  const saved = process.env.DOCKER_HOST;
  process.env.DOCKER_HOST = 'unix:///nonexistent/idchain-no-docker.sock';
  const dir = join(work, 'localstack');
  const err: string[] = [];
  try {
    expect(await runCli(['conformance', '--targets', 'localstack', '--report-dir', dir], { out: () => {}, err: (t) => void err.push(t) })).toBe(3);
  } finally {
    if (saved === undefined) delete process.env.DOCKER_HOST;
    else process.env.DOCKER_HOST = saved;
  }
  expect(err.join('\n')).toContain('needs a Docker engine');
  expect(existsSync(dir)).toBe(false);
});
