// The authorization tables: every operation of every service has an entry
// (a permission, or the reason it is not checked), unsigned operations are
// never checked, and pool-scoped Cognito actions name the pool's ARN as AWS does.
import { AwsServiceError } from '../errors';
import { createServices } from '../index';
import { invokeOperation } from '../invoke';
import type { Principal } from '../principal';
import { stsWorld } from '../sts/sts-test-support';
import { checkOperationAccess } from './operation-access';

const ACCOUNT = '123456789012';

test('each of the five services lists exactly its operations; unsigned ones are not checked', () => {
  const { state } = stsWorld();
  const services = createServices(state);
  expect(services.map((s) => s.name).sort()).toEqual(['cognito-identity', 'cognito-idp', 'iam', 's3', 'sts']);
  for (const service of services) {
    const ops = service.rest ? [...service.rest.operations] : Object.keys(service.operations);
    expect({ service: service.name, ops: Object.keys(service.access.operations).sort() }).toEqual({ service: service.name, ops: ops.sort() });
    for (const op of service.unsignedOperations) expect({ op, entry: service.access.operations[op] }).toEqual({ op, entry: { notChecked: expect.any(String) } });
  }
});

test('an operation without an entry is the emulator\'s bug, never an open door', () => {
  const w = stsWorld();
  const sts = createServices(w.state).find((s) => s.name === 'sts')!;
  expect(() => checkOperationAccess(sts.access, 'DeleteEverything', {}, w.ctx())).toThrow('No authorization entry for sts:DeleteEverything');
});

describe('Cognito actions and resources [doc: SAR for Amazon Cognito User Pools / Identity]', () => {
  const w = stsWorld();
  const services = createServices(w.state);
  const bare = w.role('bare', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: w.admin.arn }, Action: 'sts:AssumeRole' }] });
  const caller: Principal = { kind: 'assumed-role', accountId: ACCOUNT, arn: `arn:aws:sts::${ACCOUNT}:assumed-role/bare/s`, userId: `${bare.roleId}:s`, roleArn: bare.arn, roleId: bare.roleId, roleName: 'bare', sessionName: 's' };
  const refusal = async (service: string, operation: string, input: Record<string, unknown>) => {
    const def = services.find((s) => s.name === service)!;
    try {
      await invokeOperation(def, operation, input, { ...w.ctx(caller), service: def.name, operation });
    } catch (err) {
      return { code: (err as AwsServiceError).code, status: (err as AwsServiceError).status, message: (err as AwsServiceError).message };
    }
    return undefined;
  };
  const denied = (action: string, resource: string) =>
    `User: arn:aws:sts::${ACCOUNT}:assumed-role/bare/s is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`;

  test.each([
    ['AdminGetUser', { UserPoolId: 'us-east-1_abc', Username: 'u' }, `arn:aws:cognito-idp:us-east-1:${ACCOUNT}:userpool/us-east-1_abc`],
    ['ListUserPools', { MaxResults: 10 }, '*'],
    ['AdminInitiateAuth', { UserPoolId: 'us-east-1_abc', ClientId: 'c', AuthFlow: 'ADMIN_USER_PASSWORD_AUTH' }, `arn:aws:cognito-idp:us-east-1:${ACCOUNT}:userpool/us-east-1_abc`],
  ])('cognito-idp:%s → AccessDeniedException 400 on %j', async (operation, input, resource) => {
    expect(await refusal('cognito-idp', operation, input)).toEqual({ code: 'AccessDeniedException', status: 400, message: denied(`cognito-idp:${operation}`, resource) });
  });

  test.each([
    ['DescribeIdentityPool', { IdentityPoolId: 'us-east-1:0000' }, `arn:aws:cognito-identity:us-east-1:${ACCOUNT}:identitypool/us-east-1:0000`],
    ['ListIdentityPools', { MaxResults: 10 }, `arn:aws:cognito-identity:us-east-1:${ACCOUNT}:identitypool/`],
    ['GetOpenIdTokenForDeveloperIdentity', { IdentityPoolId: 'us-east-1:0000', Logins: { dev: 'u' } }, `arn:aws:cognito-identity:us-east-1:${ACCOUNT}:identitypool/us-east-1:0000`],
    ['DescribeIdentity', { IdentityId: 'us-east-1:1111' }, '*'],
  ])('cognito-identity:%s → AccessDeniedException 400 on %j', async (operation, input, resource) => {
    expect(await refusal('cognito-identity', operation, input)).toEqual({ code: 'AccessDeniedException', status: 400, message: denied(`cognito-identity:${operation}`, resource) });
  });

  test('unauthenticated operations are not authorized: a signed GetId reaches the operation', async () => {
    expect(await refusal('cognito-identity', 'GetId', { IdentityPoolId: 'us-east-1:0000' })).toMatchObject({ code: 'ResourceNotFoundException' });
    expect(await refusal('cognito-idp', 'InitiateAuth', { ClientId: 'c', AuthFlow: 'USER_PASSWORD_AUTH' })).not.toMatchObject({ code: 'AccessDeniedException' });
  });
});

describe('an IAM user other than the administrator has only its own policies', () => {
  const w = stsWorld();
  const services = createServices(w.state);
  const bob: Principal = { kind: 'user', accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/bob`, userId: 'AIDABOB', userName: 'bob' };
  w.state.iam.users.set('bob', { userName: 'bob', userId: 'AIDABOB', arn: bob.arn, path: '/', createDate: w.clock.now(), policies: [] });
  const call = (service: string, operation: string, input: Record<string, unknown>) => {
    const def = services.find((s) => s.name === service)!;
    return invokeOperation(def, operation, input, { ...w.ctx(bob), service: def.name, operation });
  };

  test('GetFederationToken needs sts:GetFederationToken on the federated user [doc: IAM-UG "Permissions for GetFederationToken"]', async () => {
    await expect(call('sts', 'GetFederationToken', { Name: 'carol' })).rejects.toMatchObject({
      code: 'AccessDenied',
      status: 403,
      message: `User: arn:aws:iam::${ACCOUNT}:user/bob is not authorized to perform: sts:GetFederationToken on resource: arn:aws:sts::${ACCOUNT}:federated-user/carol because no identity-based policy allows the sts:GetFederationToken action`,
    });
    w.state.iam.users.get('bob')!.policies.push({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:GetFederationToken', Resource: `arn:aws:sts::${ACCOUNT}:federated-user/carol` }] });
    expect(await call('sts', 'GetFederationToken', { Name: 'carol' })).toHaveProperty('FederatedUser.Arn', `arn:aws:sts::${ACCOUNT}:federated-user/carol`);
  });

  test('GetSessionToken and GetCallerIdentity need no permission; IAM and Cognito writes do', async () => {
    expect(await call('sts', 'GetCallerIdentity', {})).toEqual({ UserId: 'AIDABOB', Account: ACCOUNT, Arn: bob.arn });
    expect(await call('sts', 'GetSessionToken', {})).toHaveProperty('Credentials.AccessKeyId');
    await expect(call('iam', 'ListRoles', {})).rejects.toMatchObject({ code: 'AccessDenied', status: 403 });
    await expect(call('cognito-idp', 'CreateUserPool', { PoolName: 'p' })).rejects.toMatchObject({ code: 'AccessDeniedException', status: 400 });
  });
});
