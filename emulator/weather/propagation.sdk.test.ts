// What AWS answers while an IAM change propagates (aws-contract.md §4, research §3c),
// through the AWS SDK for JavaScript, on an emulator whose IAM changes reach STS,
// Cognito identity pools and authorization exactly 10 s (of its manual clock) later.
import { GetCredentialsForIdentityCommand, GetIdCommand, SetIdentityPoolRolesCommand } from '@aws-sdk/client-cognito-identity';
import { ListUserPoolsCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { CreateOpenIDConnectProviderCommand, CreateRoleCommand, GetRoleCommand, PutRolePolicyCommand, UpdateAssumeRolePolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, AssumeRoleWithWebIdentityCommand } from '@aws-sdk/client-sts';
import { identityPoolTrust, startWorld, type World } from '../cognito-identity/sdk-test-support';
import { fixedPropagation, testProfile } from './weather-test-support';

const ACCOUNT = '123456789012';
const PROPAGATION_MS = 10_000;
let world: World;

/** The wire's error name (awsQuery `Code`, awsJson `__type`), HTTP status and message; fails when the call succeeds. */
async function refused(promise: Promise<unknown>): Promise<{ code: string; status?: number; message: string }> {
  try {
    await promise;
  } catch (err) {
    const e = err as { name: string; message: string; Error?: { Code?: string }; $metadata?: { httpStatusCode?: number } };
    return { code: e.Error?.Code ?? e.name, status: e.$metadata?.httpStatusCode, message: e.message };
  }
  throw new Error('expected the call to be refused; it succeeded');
}

const trustAccount = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' }] });
const trustNaming = (arn: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: arn }, Action: 'sts:AssumeRole' }] });
const settle = () => world.clock.advance(PROPAGATION_MS);
const denials = async () => ((await (await fetch(`${world.emu.url}/_idchain/weather`)).json()) as { weather: { propagationDenials: number } }).weather.propagationDenials;

beforeAll(async () => {
  world = await startWorld([], undefined, { weather: testProfile({ name: 'propagation-10s', propagation: fixedPropagation(PROPAGATION_MS) }) });
  // The manual clock starts at the real time: when the server's clock is over 4 minutes off, the
  // SDK flags every error answer as clock-skew-corrected and retries it, which would count each twice.
  world.clock.set(new Date());
});

afterAll(() => world.stop());

test('STS AssumeRole on a role created moments ago: AccessDenied 403 until it propagates, while GetRole finds it at once', async () => {
  const { arn } = await world.role('fresh-assume', trustAccount);
  // "A successful GetRole does not prove STS can see the role" [aws-contract.md §4].
  expect((await world.iam.send(new GetRoleCommand({ RoleName: 'fresh-assume' }))).Role?.Arn).toBe(arn);
  // [obs: JuliaCloud/AWS.jl#282 AWSException("AccessDenied", "User: … is not authorized to perform: sts:AssumeRole on resource: …")]
  expect(await refused(world.sts.send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'probe' })))).toEqual({
    code: 'AccessDenied',
    status: 403,
    message: `User: arn:aws:iam::${ACCOUNT}:user/idchain-admin is not authorized to perform: sts:AssumeRole on resource: ${arn}`,
  });
  settle();
  expect((await world.sts.send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'probe' }))).AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/fresh-assume/probe`);
});

test('a trust naming a role created moments ago: MalformedPolicyDocument 400 "Invalid principal in policy", on CreateRole and UpdateAssumeRolePolicy', async () => {
  await world.role('older', trustAccount);
  settle();
  const { arn } = await world.role('fresh-principal', trustAccount);
  // [obs: hashicorp/terraform-provider-aws#8905, #12436: MalformedPolicyDocument: Invalid principal in policy: "AWS":"arn:aws:iam::…" status code: 400]
  const invalid = { code: 'MalformedPolicyDocument', status: 400, message: `Invalid principal in policy: "AWS":"${arn}"` };
  expect(await refused(world.iam.send(new CreateRoleCommand({ RoleName: 'names-fresh', AssumeRolePolicyDocument: trustNaming(arn) })))).toEqual(invalid);
  expect(await refused(world.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'older', PolicyDocument: trustNaming(arn) })))).toEqual(invalid);
  settle();
  await world.iam.send(new CreateRoleCommand({ RoleName: 'names-fresh', AssumeRolePolicyDocument: trustNaming(arn) }));
  await world.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'older', PolicyDocument: trustNaming(arn) }));
});

describe('Cognito identity pools', () => {
  let poolId: string;
  let logins: Record<string, string>;

  beforeAll(async () => {
    const userPool = await world.userPool('weather-users', { alice: {} });
    poolId = await world.identityPool({ name: 'weather', allowGuests: false, providers: [userPool] });
    logins = userPool.logins(await userPool.idToken('alice'));
  });

  test('SetIdentityPoolRoles with a role created moments ago: NotAuthorizedException 400 "Access to Role \'<arn>\' is forbidden."', async () => {
    const { arn } = await world.role('fresh-pool-role', identityPoolTrust(poolId, 'authenticated'));
    // [obs: boto/boto3#73 right after iam.create_role; amazon-archives/aws-cognito-angular-quickstart#35 "Access to Role 'arn:aws:iam::…:role/…' is forbidden."]
    expect(await refused(world.identity.send(new SetIdentityPoolRolesCommand({ IdentityPoolId: poolId, Roles: { authenticated: arn } })))).toEqual({
      code: 'NotAuthorizedException',
      status: 400,
      message: `Access to Role '${arn}' is forbidden.`,
    });
    settle();
    await world.setRoles(poolId, { authenticated: arn });
  });

  test('GetCredentialsForIdentity while a trust update propagates: InvalidIdentityPoolConfigurationException 400, then credentials', async () => {
    const { arn } = await world.role('pool-role', identityPoolTrust('us-east-1:00000000-0000-0000-0000-000000000000', 'authenticated'));
    settle();
    await world.setRoles(poolId, { authenticated: arn });
    const { IdentityId } = await world.identity.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: logins }));
    const credentials = () => world.identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins }));
    // [obs: aws-amplify/amplify-swift#3124 {"__type":"InvalidIdentityPoolConfigurationException","message":"Invalid identity pool configuration. Check assigned IAM roles for this pool."}]
    const invalid = { code: 'InvalidIdentityPoolConfigurationException', status: 400, message: 'Invalid identity pool configuration. Check assigned IAM roles for this pool.' };
    // The trust names another pool: refused for that reason, with no change propagating.
    const before = await denials();
    expect(await refused(credentials())).toEqual(invalid);
    expect(await denials()).toBe(before);
    await world.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'pool-role', PolicyDocument: identityPoolTrust(poolId, 'authenticated') }));
    // IAM holds the right trust now; Cognito still sees the old one.
    expect(await refused(credentials())).toEqual(invalid);
    expect(await denials()).toBe(before + 1);
    settle();
    expect((await credentials()).Credentials?.AccessKeyId).toMatch(/^ASIA/);
  });
});

test("AssumeRoleWithWebIdentity through an OIDC provider created moments ago: InvalidIdentityToken, the answer for a provider STS cannot find", async () => {
  const userPool = await world.userPool('oidc-users', { bob: {} });
  const issuer = `https://cognito-idp.${world.emu.region}.amazonaws.com/${userPool.poolId}`;
  const providerArn = (await world.iam.send(new CreateOpenIDConnectProviderCommand({ Url: issuer, ClientIDList: [userPool.clientId] }))).OpenIDConnectProviderArn!;
  const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: providerArn }, Action: 'sts:AssumeRoleWithWebIdentity' }] };
  const { arn } = await world.role('oidc-fresh', JSON.stringify(trust));
  const assume = async () => world.sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: arn, RoleSessionName: 'web', WebIdentityToken: await userPool.idToken('bob') }));
  // [obs: aws-actions/configure-aws-credentials#721 "No OpenIDConnect provider found in your account for …"; est that a fresh provider answers so, research §3c]
  expect(await refused(assume())).toEqual({ code: 'InvalidIdentityToken', status: 400, message: `No OpenIDConnect provider found in your account for ${issuer}` });
  settle();
  expect((await assume()).Provider).toBe(providerArn);
});

test('a role policy put moments ago does not yet authorize the role session: AccessDeniedException, then allowed', async () => {
  const { arn } = await world.role('session-role', trustAccount);
  settle();
  const session = (await world.sts.send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'reader' }))).Credentials!;
  const idp = new CognitoIdentityProviderClient({
    endpoint: world.emu.url,
    region: world.emu.region,
    credentials: { accessKeyId: session.AccessKeyId!, secretAccessKey: session.SecretAccessKey!, sessionToken: session.SessionToken },
  });
  try {
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'cognito-idp:ListUserPools', Resource: '*' }] };
    await world.iam.send(new PutRolePolicyCommand({ RoleName: 'session-role', PolicyName: 'read-pools', PolicyDocument: JSON.stringify(policy) }));
    expect(await refused(idp.send(new ListUserPoolsCommand({ MaxResults: 10 })))).toMatchObject({ code: 'AccessDeniedException', status: 400 });
    settle();
    expect((await idp.send(new ListUserPoolsCommand({ MaxResults: 10 }))).UserPools?.length).toBeGreaterThan(0);
  } finally {
    idp.destroy();
  }
});

test('the emulator counts what the weather did: GET /_idchain/weather', async () => {
  const body = (await (await fetch(`${world.emu.url}/_idchain/weather`)).json()) as { weather: Record<string, unknown> };
  expect(body.weather).toMatchObject({ profile: 'propagation-10s', seed: 1, scale: 1, throttled: 0, transientFaults: 0, slow: 0 });
  // Every refusal above that met an unpropagated change: AssumeRole, CreateRole, UpdateAssumeRolePolicy, SetIdentityPoolRoles,
  // GetCredentialsForIdentity, AssumeRoleWithWebIdentity, ListUserPools.
  expect(body.weather.propagationDenials).toBe(7);
  expect(body.weather.calls).toBe(world.emu.weather.stats().calls);
});
