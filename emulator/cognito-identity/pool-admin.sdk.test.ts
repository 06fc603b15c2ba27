// Identity pool administration and guest identities through the real SDK
// client: what the wire carries (error names, HTTP status, dates).
import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  DeleteIdentityPoolCommand,
  DescribeIdentityCommand,
  DescribeIdentityPoolCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetIdentityPoolRolesCommand,
  ListIdentitiesCommand,
  ListIdentityPoolsCommand,
} from '@aws-sdk/client-cognito-identity';
import { ManualClock } from '../clock';
import { startEmulator, type StartedEmulator } from '../index';

let emu: StartedEmulator;
let client: CognitoIdentityClient;
const clock = new ManualClock(Date.UTC(2026, 0, 1, 12));

beforeAll(async () => {
  emu = await startEmulator({ clock });
  client = new CognitoIdentityClient({ endpoint: emu.url, region: emu.region, credentials: emu.credentials });
});

afterAll(async () => {
  client?.destroy();
  await emu?.stop();
});

test('create, describe, list and delete an identity pool', async () => {
  const created = await client.send(
    new CreateIdentityPoolCommand({ IdentityPoolName: 'idchain sdk pool', AllowUnauthenticatedIdentities: true }),
  );
  expect(created.IdentityPoolId).toMatch(new RegExp(`^${emu.region}:[0-9a-f-]{36}$`));
  const described = await client.send(new DescribeIdentityPoolCommand({ IdentityPoolId: created.IdentityPoolId }));
  expect(described).toMatchObject({ IdentityPoolName: 'idchain sdk pool', AllowUnauthenticatedIdentities: true });
  const listed = await client.send(new ListIdentityPoolsCommand({ MaxResults: 60 }));
  expect(listed.IdentityPools).toContainEqual({ IdentityPoolId: created.IdentityPoolId, IdentityPoolName: 'idchain sdk pool' });
  await client.send(new DeleteIdentityPoolCommand({ IdentityPoolId: created.IdentityPoolId }));
  await expect(client.send(new DescribeIdentityPoolCommand({ IdentityPoolId: created.IdentityPoolId }))).rejects.toMatchObject({
    name: 'ResourceNotFoundException',
    message: `IdentityPool '${created.IdentityPoolId}' not found.`,
    $metadata: { httpStatusCode: 400 },
  });
});

test('a bad pool name is a ValidationException on the wire [obs: getmoto/moto#1979]', async () => {
  await expect(
    client.send(new CreateIdentityPoolCommand({ IdentityPoolName: 'bad#name', AllowUnauthenticatedIdentities: false })),
  ).rejects.toMatchObject({
    name: 'ValidationException',
    message:
      "1 validation error detected: Value 'bad#name' at 'identityPoolName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w\\s+=,.@-]+",
    $metadata: { httpStatusCode: 400 },
  });
});

test('administration needs a signature; GetId does not (CI-API: "This is a public API")', async () => {
  const anonymous = new CognitoIdentityClient({
    endpoint: emu.url,
    region: emu.region,
    credentials: { accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: 'x'.repeat(40) },
  });
  await expect(anonymous.send(new ListIdentityPoolsCommand({ MaxResults: 1 }))).rejects.toMatchObject({
    name: 'UnrecognizedClientException',
  });
  anonymous.destroy();

  const pool = await client.send(new CreateIdentityPoolCommand({ IdentityPoolName: 'guests', AllowUnauthenticatedIdentities: true }));
  const unsigned = new CognitoIdentityClient({ endpoint: emu.url, region: emu.region, signer: { sign: async (r) => r } });
  const { IdentityId } = await unsigned.send(new GetIdCommand({ IdentityPoolId: pool.IdentityPoolId }));
  expect(IdentityId).toMatch(new RegExp(`^${emu.region}:`));
  // No roles yet: the pool has no unauthenticated role (CI-API InvalidIdentityPoolConfigurationException).
  await expect(unsigned.send(new GetCredentialsForIdentityCommand({ IdentityId }))).rejects.toMatchObject({
    name: 'InvalidIdentityPoolConfigurationException',
    $metadata: { httpStatusCode: 400 },
  });
  unsigned.destroy();
});

test('guest identities: a new one per GetId, dates on the clock, listed and described', async () => {
  const pool = await client.send(new CreateIdentityPoolCommand({ IdentityPoolName: 'guests two', AllowUnauthenticatedIdentities: true }));
  const a = await client.send(new GetIdCommand({ IdentityPoolId: pool.IdentityPoolId }));
  const b = await client.send(new GetIdCommand({ IdentityPoolId: pool.IdentityPoolId }));
  expect(a.IdentityId).not.toBe(b.IdentityId);

  const described = await client.send(new DescribeIdentityCommand({ IdentityId: a.IdentityId }));
  expect(described.CreationDate).toEqual(clock.now());
  expect(described.Logins ?? []).toEqual([]);
  const listed = await client.send(new ListIdentitiesCommand({ IdentityPoolId: pool.IdentityPoolId, MaxResults: 10 }));
  expect(listed.Identities?.map((i) => i.IdentityId).sort()).toEqual([a.IdentityId, b.IdentityId].sort());
  expect(await client.send(new GetIdentityPoolRolesCommand({ IdentityPoolId: pool.IdentityPoolId }))).toMatchObject({
    IdentityPoolId: pool.IdentityPoolId,
    Roles: {},
  });
});

test('GetId without Logins on a pool without guests → NotAuthorizedException, 400 [obs, aws-contract.md §2]', async () => {
  const pool = await client.send(new CreateIdentityPoolCommand({ IdentityPoolName: 'no guests', AllowUnauthenticatedIdentities: false }));
  await expect(client.send(new GetIdCommand({ IdentityPoolId: pool.IdentityPoolId }))).rejects.toMatchObject({
    name: 'NotAuthorizedException',
    message: 'Unauthenticated access is not supported for this identity pool.',
    $metadata: { httpStatusCode: 400 },
  });
});
