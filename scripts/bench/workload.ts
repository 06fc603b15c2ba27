import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { rawClient } from './raw-client';
import { KEYS, REGION } from './servers';

const ACCOUNT = '123456789012';
const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' }] });
const PASSWORD = 'Bench-Passw0rd!';

/** The four operations of the mixed workload, in turn: IAM CreateRole, STS AssumeRole, STS GetCallerIdentity, cognito-idp AdminInitiateAuth. */
export interface Workload {
  op(i: number): Promise<unknown>;
  close(): void;
}

/**
 * Create what the operations need (a role to assume, a pool, a client and a
 * user with a permanent password) through the AWS SDK, then send the
 * operations themselves through the light client (raw-client.ts).
 */
export async function prepareWorkload(url: string, tag: string): Promise<Workload> {
  const config = { endpoint: url, region: REGION, credentials: KEYS, maxAttempts: 1 };
  const iam = new IAMClient(config);
  const idp = new CognitoIdentityProviderClient(config);
  const target = await iam.send(new CreateRoleCommand({ RoleName: `bench-${tag}-target`, AssumeRolePolicyDocument: TRUST }));
  const pool = await idp.send(new CreateUserPoolCommand({ PoolName: `bench-${tag}` }));
  const poolId = pool.UserPool!.Id!;
  const client = await idp.send(
    new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'bench', ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }),
  );
  await idp.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'bench-user', MessageAction: 'SUPPRESS' }));
  await idp.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'bench-user', Password: PASSWORD, Permanent: true }));
  iam.destroy();
  idp.destroy();
  const clientId = client.UserPoolClient!.ClientId!;
  const roleArn = target.Role!.Arn!;
  const raw = rawClient(url, REGION, KEYS, 8);
  const ops = [
    (i: number) => raw.query('iam', { Action: 'CreateRole', Version: '2010-05-08', RoleName: `bench-${tag}-${i}`, AssumeRolePolicyDocument: TRUST }),
    (i: number) => raw.query('sts', { Action: 'AssumeRole', Version: '2011-06-15', RoleArn: roleArn, RoleSessionName: `bench-${i}` }),
    () => raw.query('sts', { Action: 'GetCallerIdentity', Version: '2011-06-15' }),
    () =>
      raw.json('cognito-idp', 'AWSCognitoIdentityProviderService.AdminInitiateAuth', {
        UserPoolId: poolId,
        ClientId: clientId,
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'bench-user', PASSWORD },
      }),
  ];
  return {
    op: (i) => ops[i % ops.length](i),
    close: () => raw.close(),
  };
}

/** Run `count` operations with `concurrency` in flight; answers operations per second. */
export async function throughput(workload: Workload, count: number, concurrency: number, first = 0): Promise<number> {
  let next = first;
  const end = first + count;
  const started = performance.now();
  const worker = async () => {
    while (next < end) await workload.op(next++);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return count / ((performance.now() - started) / 1000);
}
