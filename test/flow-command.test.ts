import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../emulator';
import { LEAK_PATTERNS } from '../harness';
import { runCli } from '../harness/cli/program';
import { createClients } from '../harness/clients/factory';
import { Ledger } from '../harness/fixtures/ledger';
import { provisionFixture } from '../harness/fixtures/provision';

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

test('flow enhanced on throwaway resources shows the preferred role, the role assumed and the expiry', async () => {
  const c = io();
  expect(await runCli(['flow', 'enhanced', '--groups', 'admin,editor'], c.io)).toBe(0);
  const text = c.out.join('\n');
  expect(text).toMatch(/cognito:preferred_role arn:aws:iam::\d{12}:role\/idchain-[0-9a-f]{8}-flow-admin/);
  expect(text).toMatch(/4\. GetCallerIdentity → arn:aws:sts::\d{12}:assumed-role\/idchain-[0-9a-f]{8}-flow-admin\/CognitoIdentityCredentials/);
  expect(text).toMatch(/credentials expiring .* \(in 60 min\)/);
});

test('flow --json prints the steps with every secret redacted', async () => {
  const c = io();
  expect(await runCli(['flow', 'enhanced', '--json'], c.io)).toBe(0);
  const text = c.out.join('\n');
  expect(JSON.parse(text).steps.map((s: { operation: string }) => s.operation)).toEqual(['InitiateAuth', 'GetId', 'GetCredentialsForIdentity', 'GetCallerIdentity']);
  for (const { name, pattern } of LEAK_PATTERNS) expect([name, pattern.test(text)]).toEqual([name, false]);
});

test('flow against existing resources reads the password from the environment', async () => {
  const emulator = await startEmulator();
  const clients = createClients({ region: emulator.region, endpoint: emulator.url, credentials: emulator.credentials });
  const saved = { ...process.env };
  try {
    const fx = await provisionFixture(
      {
        roles: { r: { trust: { identityPools: ['ip'], amr: 'authenticated' } } },
        userPools: { up: { clients: { web: { authFlows: ['USER_PASSWORD_AUTH'] } }, users: { erin: {} } } },
        identityPools: { ip: { providers: [{ userPool: 'up', client: 'web' }], roles: { authenticated: 'r' } } },
      },
      'cafebabe',
      { clients, ledger: new Ledger('cafebabe', 'x', emulator.region, join(work, 'l')), region: emulator.region, scope: 'existing' },
    );
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: emulator.credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: emulator.credentials.secretAccessKey, ERIN_PASSWORD: fx.user('up', 'erin').password });
    const c = io();
    const code = await runCli(
      ['flow', 'enhanced', '--target', 'mine', '--endpoint', emulator.url, '--username', 'erin', '--user-pool-id', fx.userPool('up').id, '--client-id', fx.client('up', 'web').id, '--identity-pool-id', fx.identityPool('ip').id, '--password-env', 'ERIN_PASSWORD'],
      c.io,
    );
    expect([code, c.err.filter((l) => !l.startsWith('[idchain]'))]).toEqual([0, []]);
    expect(c.out.join('\n')).toContain(`assumed-role/${fx.role('r').name}/CognitoIdentityCredentials`);
  } finally {
    process.env = saved;
    clients.destroy();
    await emulator.stop();
  }
});

test.each([
  [['flow', 'basic-ish'], "Unknown flow 'basic-ish'"],
  [['flow', 'enhanced', '--user-pool-id', 'us-east-1_x'], 'needs all of --user-pool-id, --client-id and --identity-pool-id'],
  [['flow', 'enhanced', '--user-pool-id', 'a', '--client-id', 'b', '--identity-pool-id', 'c', '--password-env', 'IDCHAIN_NO_SUCH_VAR'], 'Set the user\'s password in $IDCHAIN_NO_SUCH_VAR'],
  [['flow', 'enhanced', '--groups', 'root'], 'the throwaway pool has the groups admin and editor'],
])('%j is bad usage: exit 2', async (argv, message) => {
  const c = io();
  expect(await runCli(argv, c.io)).toBe(2);
  expect(c.err.join('\n')).toContain(message);
});
