import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AdminCreateUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { LEAK_PATTERNS, openSession, type FixtureSpec, type ProvisionedFixture, type Session } from '../harness';
import { runCli } from '../harness/cli/program';

const work = mkdtempSync(join(tmpdir(), 'idchain-flow-'));
const cwd = process.cwd();
beforeAll(() => process.chdir(work)); // the throwaway ledger lands in ./.idchain
afterAll(() => {
  process.chdir(cwd);
  rmSync(work, { recursive: true, force: true });
});

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) } };
}

/**
 * The credentials a flow line shows expire `seconds` after they were issued,
 * which was between `before` and `after` (epoch ms around the command), and
 * the line's "(in N min)" agrees. A bracket, not a budget: however slow the
 * machine, it holds.
 */
function expectExpiry(text: string, step: string, seconds: number, before: number, after: number): void {
  const line = new RegExp(`${step} → credentials expiring (\\S+) \\(in (\\d+) min\\)`).exec(text);
  expect(line).not.toBeNull();
  const expires = Date.parse(line![1]);
  // Expiration comes back in whole seconds or milliseconds; allow the one second of truncation.
  expect(expires).toBeGreaterThanOrEqual(before + seconds * 1000 - 1000);
  expect(expires).toBeLessThanOrEqual(after + seconds * 1000);
  expect(Number(line![2])).toBeGreaterThanOrEqual(Math.round((expires - after) / 60_000));
  expect(Number(line![2])).toBeLessThanOrEqual(Math.round((expires - before) / 60_000));
}

test('flow enhanced on throwaway resources shows the preferred role, the role assumed and the expiry', async () => {
  const c = io();
  const before = Date.now();
  expect(await runCli(['flow', 'enhanced', '--groups', 'admin,editor'], c.io)).toBe(0);
  const after = Date.now();
  const text = c.out.join('\n');
  expect(text).toMatch(/cognito:preferred_role arn:aws:iam::\d{12}:role\/idchain-[0-9a-f]{8}-flow-admin/);
  expect(text).toMatch(/4\. GetCallerIdentity → arn:aws:sts::\d{12}:assumed-role\/idchain-[0-9a-f]{8}-flow-admin\/CognitoIdentityCredentials/);
  expectExpiry(text, '3\\. GetCredentialsForIdentity', 3600, before, after);
});

test('flow --json prints the steps with every secret redacted', async () => {
  const c = io();
  expect(await runCli(['flow', 'enhanced', '--json'], c.io)).toBe(0);
  const text = c.out.join('\n');
  expect(JSON.parse(text).steps.map((s: { operation: string }) => s.operation)).toEqual(['InitiateAuth', 'GetId', 'GetCredentialsForIdentity', 'GetCallerIdentity']);
  for (const { name, pattern } of LEAK_PATTERNS) expect([name, pattern.test(text)]).toEqual([name, false]);
});

const existing: FixtureSpec = {
  roles: { r: { trust: { identityPools: ['ip'], amr: 'authenticated' } } },
  userPools: { up: { clients: { web: { authFlows: ['USER_PASSWORD_AUTH'] } }, users: { erin: {} } } },
  identityPools: { ip: { providers: [{ userPool: 'up', client: 'web' }], roles: { authenticated: 'r' } } },
};

/** `flow enhanced` on resources provisioned beforehand, signing as the session's own keys, the password in $USER_PASSWORD. */
async function flowOnExisting(session: Session, fx: ProvisionedFixture, username: string, password: string) {
  const saved = { ...process.env };
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: session.target.credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: session.target.credentials.secretAccessKey, USER_PASSWORD: password });
  try {
    const c = io();
    const ids = ['--user-pool-id', fx.userPool('up').id, '--client-id', fx.client('up', 'web').id, '--identity-pool-id', fx.identityPool('ip').id];
    const code = await runCli(['flow', 'enhanced', '--target', 'mine', '--endpoint', session.target.endpoint!, '--username', username, ...ids, '--password-env', 'USER_PASSWORD'], c.io);
    return { code, out: c.out.join('\n'), err: c.err.filter((l) => !l.startsWith('[idchain]')) };
  } finally {
    process.env = saved;
  }
}

test('flow against existing resources reads the password from the environment', async () => {
  const session = await openSession({ ledgerDir: join(work, 'l') });
  try {
    const fx = await session.provision(existing, 'existing');
    const { code, out, err } = await flowOnExisting(session, fx, 'erin', fx.user('up', 'erin').password);
    expect([code, err]).toEqual([0, []]);
    expect(out).toContain(`assumed-role/${fx.role('r').name}/CognitoIdentityCredentials`);
  } finally {
    await session.close();
  }
});

test('a user whose temporary password must still be changed stops the flow: exit 1, what to do, no stack trace', async () => {
  const session = await openSession({ ledgerDir: join(work, 'l') });
  try {
    const fx = await session.provision(existing, 'existing');
    // AdminCreateUser with a temporary password leaves the user in FORCE_CHANGE_PASSWORD (UP-API AdminCreateUser).
    await session.clients.idp.send(new AdminCreateUserCommand({ UserPoolId: fx.userPool('up').id, Username: 'newbie', TemporaryPassword: 'Temp0rary!pass', MessageAction: 'SUPPRESS' }));
    const { code, out, err } = await flowOnExisting(session, fx, 'newbie', 'Temp0rary!pass');
    expect([code, err]).toEqual([1, []]);
    expect(out).toContain('stopped: newbie must change the temporary password before signing in (challenge NEW_PASSWORD_REQUIRED');
    expect(out).not.toMatch(/\n\s+at /);
  } finally {
    await session.close();
  }
});

test('an answer without what AWS documents stops the flow with the finding, not a stack trace', async () => {
  // A target that answers every call with an empty JSON object: InitiateAuth then has neither tokens nor a challenge.
  const server = createServer((req, res) => req.resume().on('end', () => res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' }).end('{}')));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const saved = { ...process.env };
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKEFAKE', AWS_SECRET_ACCESS_KEY: 'fake', USER_PASSWORD: 'x' });
  try {
    const c = io();
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const ids = ['--user-pool-id', 'us-east-1_abc', '--client-id', 'c', '--identity-pool-id', 'us-east-1:x', '--password-env', 'USER_PASSWORD'];
    expect(await runCli(['flow', 'enhanced', '--target', 'empty', '--endpoint', url, ...ids], c.io)).toBe(1);
    expect(c.out.join('\n')).toBe('stopped: InitiateAuth.AuthenticationResult: expected "IdToken and AccessToken", got "missing IdToken, AccessToken"');
  } finally {
    process.env = saved;
    server.close();
  }
});

test('flow saml: idchain as the IdP; the answer fields, a SessionDuration of 1800 giving 30 minutes, the assumed role, nothing left behind', async () => {
  const c = io();
  const before = Date.now();
  expect(await runCli(['flow', 'saml', '--username', 'ana', '--session-duration', '1800'], c.io)).toBe(0);
  const after = Date.now();
  const text = c.out.join('\n');
  const provider = /registered as (arn:aws:iam::(\d{12}):saml-provider\/(idchain-[0-9a-f]{8}-flow-idp))/.exec(text);
  expect(provider).not.toBeNull();
  const [, , account, providerName] = provider!;
  expect(text).toMatch(/^ {3}Subject {7}ana$/m);
  expect(text).toMatch(/^ {3}Audience {6}https:\/\/signin\.aws\.amazon\.com\/saml$/m);
  // STS-API AssumeRoleWithSAML NameQualifier: BASE64(SHA1(Issuer + account id + "/" + provider name)).
  const qualifier = createHash('sha1').update(`https://idp.idchain.invalid/saml/idp${account}/${providerName}`).digest('base64');
  expect(text).toContain(`NameQualifier ${qualifier}`);
  expectExpiry(text, 'AssumeRoleWithSAML', 1800, before, after);
  expect(text).toMatch(/4\. GetCallerIdentity → arn:aws:sts::\d{12}:assumed-role\/idchain-[0-9a-f]{8}-flow-federated\/ana/);
  expect(readdirSync(join(work, '.idchain', 'ledger'))).toEqual([]);
});

test('flow web-identity: the ID token to STS through an IAM OIDC provider, whose ARN STS names as Provider', async () => {
  const c = io();
  const before = Date.now();
  expect(await runCli(['flow', 'web-identity', '--duration-seconds', '7200'], c.io)).toBe(0);
  const after = Date.now();
  const text = c.out.join('\n');
  const provider = /IAM OIDC provider (arn:aws:iam::\d{12}:oidc-provider\/\S+)/.exec(text)?.[1];
  expect(provider).toMatch(/oidc-provider\/cognito-idp\.us-east-1\.amazonaws\.com\/us-east-1_/);
  expect(text).toContain(`Provider                    ${provider}`);
  expectExpiry(text, '\\(DurationSeconds 7200\\)', 7200, before, after);
  expect(text).toMatch(/4\. GetCallerIdentity → arn:aws:sts::\d{12}:assumed-role\/idchain-[0-9a-f]{8}-flow-web\/idchain-flow/);
});

test('flow saml refused by STS (DurationSeconds 899) exits 1, says why, and still tears down', async () => {
  const c = io();
  expect(await runCli(['flow', 'saml', '--duration-seconds', '899'], c.io)).toBe(1);
  expect(c.out.join('\n')).toContain("refused: ValidationError: 1 validation error detected: Value '899' at 'durationSeconds'");
  expect(readdirSync(join(work, '.idchain', 'ledger'))).toEqual([]);
});

test('flow saml --json prints the steps with the assertion and keys redacted', async () => {
  const c = io();
  expect(await runCli(['flow', 'saml', '--json'], c.io)).toBe(0);
  const text = c.out.join('\n');
  expect(JSON.parse(text).steps.map((s: { operation: string }) => s.operation)).toEqual(['AssumeRoleWithSAML', 'GetCallerIdentity']);
  expect(JSON.parse(text).steps[0].input.SAMLAssertion).toBe('<redacted:SAMLAssertion>');
  for (const { name, pattern } of LEAK_PATTERNS) expect([name, pattern.test(text)]).toEqual([name, false]);
});

test.each([
  [['flow', 'basic-ish'], "Unknown flow 'basic-ish'"],
  [['flow', 'saml', '--user-pool-id', 'us-east-1_x'], "unknown option '--user-pool-id'"],
  [['flow', 'web-identity', '--duration-seconds', 'soon'], '--duration-seconds soon: expected a whole number of seconds'],
  [['flow', 'saml', '--session-duration', '-5'], '--session-duration -5: expected a whole number of seconds'],
  [['flow', 'enhanced', '--user-pool-id', 'us-east-1_x'], 'needs all of --user-pool-id, --client-id and --identity-pool-id'],
  [['flow', 'enhanced', '--user-pool-id', 'a', '--client-id', 'b', '--identity-pool-id', 'c', '--password-env', 'IDCHAIN_NO_SUCH_VAR'], 'Set the user\'s password in $IDCHAIN_NO_SUCH_VAR'],
  [['flow', 'enhanced', '--groups', 'root'], 'the throwaway pool has the groups admin and editor'],
])('%j is bad usage: exit 2', async (argv, message) => {
  const c = io();
  expect(await runCli(argv, c.io)).toBe(2);
  expect(c.err.join('\n')).toContain(message);
});
