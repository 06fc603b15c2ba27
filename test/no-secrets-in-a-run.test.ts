import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AdminSetUserPasswordCommand, DescribeUserPoolClientCommand, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { defineSuite, enhancedFlow, recordContract, secretHash, signIn, type CaseContext, type ContractRecording } from '../harness';
import { recordGoldens } from '../harness/golden/record';
import { writeReport } from '../harness/report/write-report';

// Every secret a run handles is written down here as the run handles it, and
// every file the run writes (goldens, report.json/md/html, junit.xml) is
// searched for each of them, byte for byte: a check that does not depend on
// the redactor's own patterns or field names. A password is planted (a
// sentinel the case sets); the client secret, SECRET_HASH, tokens and keys
// are the ones the target gave.
const work = mkdtempSync(join(tmpdir(), 'idchain-sentinels-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const planted = new Map<string, string>();
const plant = (what: string, value: string | undefined) => {
  if (value) planted.set(what, value);
};
const SENTINEL_PASSWORD = `Sentinel!${process.pid}x${Date.now().toString(36)}Zz9`;
const cite = [{ kind: 'doc' as const, ref: 'DESIGN.md § The golden file: no secret ever reaches disk' }];

const sentinels = defineSuite({
  name: 'sentinels',
  title: 'Secrets a run handles',
  services: ['cognito-idp', 'cognito-identity', 'sts', 'iam'],
  fixture: {
    roles: { r: { trust: { identityPools: ['ip'], amr: 'authenticated' } } },
    userPools: {
      main: {
        clients: {
          web: { authFlows: ['USER_PASSWORD_AUTH'] },
          confidential: { authFlows: ['USER_PASSWORD_AUTH', 'REFRESH_TOKEN_AUTH'], generateSecret: true },
        },
        users: { ana: {}, ben: {} },
      },
    },
    identityPools: { ip: { providers: [{ userPool: 'main', client: 'web' }], roles: { authenticated: 'r' } } },
  },
  cases: [
    {
      id: 'sentinels/client-secret-and-tokens',
      title: 'A planted password, SECRET_HASH, the client secret and refresh tokens',
      citations: cite,
      async run(ctx: CaseContext) {
        const { fx, clients } = ctx;
        const UserPoolId = fx.userPool('main').id;
        const client = fx.client('main', 'confidential');
        await ctx.expect.succeeds('AdminSetUserPassword', clients.idp.send(new AdminSetUserPasswordCommand({ UserPoolId, Username: 'ana', Password: SENTINEL_PASSWORD, Permanent: true })));
        plant('password', SENTINEL_PASSWORD);
        const hash = secretHash(client.secret ?? '', 'ana', client.id);
        plant('SECRET_HASH', hash);
        const tokens = await ctx.expect.succeeds('InitiateAuth', signIn(clients.idp, { userPoolId: UserPoolId, clientId: client.id, clientSecret: client.secret, username: 'ana', password: SENTINEL_PASSWORD }));
        plant('refresh token', tokens.refreshToken);
        plant('ID token', tokens.idToken);
        plant('access token', tokens.accessToken);
        await ctx.expect.succeeds(
          'InitiateAuth(refresh)',
          clients.idp.send(new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: client.id, AuthParameters: { REFRESH_TOKEN: tokens.refreshToken ?? '', SECRET_HASH: hash } })),
        );
        const described = await ctx.expect.succeeds('DescribeUserPoolClient', clients.idp.send(new DescribeUserPoolClientCommand({ UserPoolId, ClientId: client.id })));
        plant('ClientSecret', described.UserPoolClient?.ClientSecret);
        plant('ClientSecret (provisioned)', client.secret);
      },
    },
    {
      id: 'sentinels/credentials',
      title: "An identity pool's credentials",
      citations: cite,
      async run(ctx: CaseContext) {
        const { fx, clients } = ctx;
        // Cases run at once: ben keeps the password he was provisioned with, which is a secret too.
        const ben = fx.user('main', 'ben');
        plant('provisioned password', ben.password);
        const { idToken } = await ctx.expect.succeeds(
          'InitiateAuth',
          signIn(clients.idp, { userPoolId: fx.userPool('main').id, clientId: fx.client('main', 'web').id, username: ben.username, password: ben.password }),
        );
        const { credentials } = await ctx.expect.succeeds(
          'GetCredentialsForIdentity',
          enhancedFlow(clients.identity, { identityPoolId: fx.identityPool('ip').id, logins: { [fx.userPool('main').providerName]: idToken } }),
        );
        plant('SecretKey', credentials.secretAccessKey);
        plant('SessionToken', credentials.sessionToken);
      },
    },
  ],
});

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every planted secret found in a file under `dirs`, as `what in file`. */
function leaks(...dirs: string[]): string[] {
  return dirs.flatMap(filesUnder).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return [...planted].filter(([, value]) => text.includes(value)).map(([what]) => `${what} in ${file.slice(work.length + 1)}`);
  });
}

let recording: ContractRecording;
beforeAll(async () => {
  recording = await recordContract({ suites: [sentinels], goldenDir: join(work, 'golden'), ledgerDir: join(work, 'ledger') });
  writeReport(recording, join(work, 'reports'));
});

test('the run handled every kind of secret it is meant to plant', () => {
  expect(recording.summary).toMatchObject({ total: 2, pass: 2 });
  expect([...planted.keys()].sort()).toEqual(
    ['ClientSecret', 'ClientSecret (provisioned)', 'ID token', 'SECRET_HASH', 'SecretKey', 'SessionToken', 'access token', 'password', 'provisioned password', 'refresh token'].sort(),
  );
});

test('no secret the run handled is in a golden or a report', () => {
  expect(filesUnder(join(work, 'golden')).length).toBe(2);
  expect(filesUnder(join(work, 'reports')).length).toBe(4);
  expect(leaks(join(work, 'golden'), join(work, 'reports'))).toEqual([]);
});

test('the scan catches what a recorder blind to the SDK models would leak: ClientSecret, SECRET_HASH, the refresh token', () => {
  // The same run, recorded as if the SDK's sensitive members had not been read.
  const blind = { ...recording, cases: recording.cases.map((c) => ({ ...c, steps: c.steps.map((s) => ({ ...s, sensitive: [] })) })) };
  recordGoldens(blind, join(work, 'blind'), new Date());
  const found = leaks(join(work, 'blind')).map((l) => l.split(' in ')[0]);
  expect(found).toEqual(expect.arrayContaining(['ClientSecret', 'SECRET_HASH', 'refresh token', 'password', 'SecretKey']));
});
