process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
  ListUserPoolsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { connect } from 'node:net';
import { decodeClaims } from '../cases/tokens';
import { describeWithMoto } from '../../test/python-prerequisites';
import { cognitoLocalTarget } from './cognito-local';
import { motoTarget } from './moto';
import { nodeProcessLauncher, type LaunchedProcess, type ProcessLauncher } from './process-launcher';
import type { StartedTarget } from './target';

/** The real launcher, remembering what it started so the test can check it is gone. */
function watchedLauncher(): ProcessLauncher & { started: { args: readonly string[]; process: LaunchedProcess }[] } {
  const started: { args: readonly string[]; process: LaunchedProcess }[] = [];
  const launcher = ((spec) => {
    const p = nodeProcessLauncher(spec);
    started.push({ args: spec.args, process: p });
    return p;
  }) as ProcessLauncher & { started: { args: readonly string[]; process: LaunchedProcess }[] };
  launcher.started = started;
  return launcher;
}

function alive(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Whether nothing listens at `url` any more: the connection is refused. No time limit: a busy machine is slow, not wrong. */
function refusesConnections(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'ECONNREFUSED'));
  });
}

const sdk = (t: StartedTarget) => ({ region: t.region, endpoint: t.endpoint, credentials: t.credentials, maxAttempts: 1 });

// Real servers on 127.0.0.1: moto from the machine's python, cognito-local from node_modules.
describeWithMoto("real emulators: moto from the machine's python (loopback only)", () => {
  it('moto: starts, answers STS GetCallerIdentity, resets, and is gone after stop', async () => {
    const launcher = watchedLauncher();
    const target = await motoTarget({ launcher }).start({});
    const server = launcher.started.find((s) => s.args.includes('moto.server'))?.process;
    try {
      expect(target.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const sts = new STSClient(sdk(target));
      const who = await sts.send(new GetCallerIdentityCommand({}));
      // GetCallerIdentity returns the twelve-digit account and the caller's ARN in it.
      // [doc] https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
      expect(who.Account).toMatch(/^\d{12}$/);
      expect(who.Arn).toMatch(new RegExp(`^arn:aws:(sts|iam)::${who.Account}:`));
      sts.destroy();

      const idp = new CognitoIdentityProviderClient(sdk(target));
      await idp.send(new CreateUserPoolCommand({ PoolName: 'idchain-reset-check' }));
      expect((await idp.send(new ListUserPoolsCommand({ MaxResults: 10 }))).UserPools).toHaveLength(1);
      await target.reset!();
      expect((await idp.send(new ListUserPoolsCommand({ MaxResults: 10 }))).UserPools).toHaveLength(0);
      idp.destroy();
    } finally {
      await target.stop();
    }
    expect(server).toBeDefined();
    expect(alive(server!.pid)).toBe(false);
    expect(await refusesConnections(`${target.endpoint}/moto-api/data.json`)).toBe(true);
  });
});

describe('real emulators: cognito-local from node_modules (loopback only)', () => {
  it('cognito-local: creates a user pool, signs in a plain username with its real issuer, and is gone after stop', async () => {
    const launcher = watchedLauncher();
    const target = await cognitoLocalTarget({ launcher }).start({});
    const server = launcher.started[0]?.process;
    try {
      const idp = new CognitoIdentityProviderClient(sdk(target));
      const pool = (await idp.send(new CreateUserPoolCommand({ PoolName: 'idchain-check' }))).UserPool!;
      expect(pool.Name).toBe('idchain-check');
      const client = (await idp.send(new CreateUserPoolClientCommand({ UserPoolId: pool.Id, ClientName: 'c', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] }))).UserPoolClient!;
      // A pool without UsernameAttributes takes plain usernames.
      // [doc] https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html#user-pool-settings-usernames
      await idp.send(new AdminCreateUserCommand({ UserPoolId: pool.Id, Username: 'alice', MessageAction: 'SUPPRESS' }));
      const password = `Pw-${Math.random().toString(36).slice(2)}-9aA!`;
      await idp.send(new AdminSetUserPasswordCommand({ UserPoolId: pool.Id, Username: 'alice', Password: password, Permanent: true }));
      const auth = await idp.send(
        new InitiateAuthCommand({ ClientId: client.ClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD: password } }),
      );
      const claims = decodeClaims(auth.AuthenticationResult!.IdToken!);
      // AWS: iss is https://cognito-idp.<region>.amazonaws.com/<userPoolId>, the address tokens and
      // JWKS are served from; an emulator's is its own address followed by the pool id.
      // [doc] https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html
      expect(claims.iss).toBe(`${target.endpoint}/${pool.Id}`);
      expect(claims['cognito:username']).toBe('alice');
      idp.destroy();
    } finally {
      await target.stop();
    }
    expect(alive(server!.pid)).toBe(false);
    expect(await refusesConnections(`${target.endpoint}/health`)).toBe(true);
  });
});
