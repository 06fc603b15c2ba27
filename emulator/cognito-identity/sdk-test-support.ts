// Helpers for this directory's SDK tests: a started emulator on a manual clock,
// the four SDK clients, roles with the documented identity-pool trust policy,
// and a user pool whose users sign in for ID tokens.
import { CognitoIdentityClient, CreateIdentityPoolCommand, SetIdentityPoolRolesCommand, type RoleMapping } from '@aws-sdk/client-cognito-identity';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminInitiateAuthCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { STSClient } from '@aws-sdk/client-sts';
import { ManualClock } from '../clock';
import { startEmulator, type EmulatorOptions, type StartedEmulator } from '../index';
import { userPoolProviderName } from '../region';

const PASSWORD = 'Correct-Horse-9-Battery';

/**
 * The documented identity-pool trust policy [aws-contract.md §2 Trust policy; CG "Role trust and permissions"];
 * `principal` is the Region's (GovCloud and China name their own, region.ts).
 */
export function identityPoolTrust(identityPoolId: string, amr: string, principal = 'cognito-identity.amazonaws.com'): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: principal },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { [`${principal}:aud`]: identityPoolId },
          'ForAnyValue:StringLike': { [`${principal}:amr`]: amr },
        },
      },
    ],
  });
}

export interface UserSpec {
  attributes?: Record<string, string>;
  groups?: string[];
}

export interface World {
  emu: StartedEmulator;
  clock: ManualClock;
  identity: CognitoIdentityClient;
  sts: STSClient;
  iam: IAMClient;
  idp: CognitoIdentityProviderClient;
  /** Create a role; returns its ARN and RoleId. */
  role(name: string, trust: string, maxSessionDuration?: number): Promise<{ arn: string; roleId: string }>;
  /** A user pool with one app client, groups (each with no role) and users. */
  userPool(name: string, users: Record<string, UserSpec>, customAttributes?: string[]): Promise<UserPoolHandle>;
  /** An identity pool; `providers` are user pools it accepts. */
  identityPool(opts: {
    name: string;
    allowGuests: boolean;
    classic?: boolean;
    developerProvider?: string;
    providers?: UserPoolHandle[];
  }): Promise<string>;
  setRoles(poolId: string, roles: { authenticated?: string; unauthenticated?: string }, mappings?: Record<string, RoleMapping>): Promise<void>;
  /** STS for credentials an earlier call answered. */
  stsAs(c: { AccessKeyId?: string; SecretAccessKey?: string; SecretKey?: string; SessionToken?: string }): STSClient;
  stop(): Promise<void>;
}

export interface UserPoolHandle {
  poolId: string;
  clientId: string;
  /** `cognito-idp.<region>.amazonaws.com/<poolId>`, the Logins key. */
  provider: string;
  /** Sign a user in; answers the ID token. */
  idToken(username: string): Promise<string>;
  logins(idToken: string): Record<string, string>;
}

/** Start an emulator and the clients a test needs. Call `stop` in afterAll. */
export async function startWorld(
  mutants: string[] = [],
  region?: string,
  weather: Pick<EmulatorOptions, 'weather' | 'seed' | 'weatherScale'> = {},
): Promise<World> {
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  const emu = await startEmulator({ clock, mutants, region, ...weather });
  const base = { endpoint: emu.url, region: emu.region, credentials: emu.credentials };
  const identity = new CognitoIdentityClient(base);
  const sts = new STSClient(base);
  const iam = new IAMClient(base);
  const idp = new CognitoIdentityProviderClient(base);
  const extra: STSClient[] = [];

  const world: World = {
    emu,
    clock,
    identity,
    sts,
    iam,
    idp,
    async role(name, trust, maxSessionDuration) {
      const role = (await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trust, MaxSessionDuration: maxSessionDuration }))).Role!;
      return { arn: role.Arn!, roleId: role.RoleId! };
    },
    async userPool(name, users, customAttributes = []) {
      const pool = (
        await idp.send(
          new CreateUserPoolCommand({
            PoolName: name,
            Schema: customAttributes.length > 0 ? customAttributes.map((a) => ({ Name: a, AttributeDataType: 'String', Mutable: true })) : undefined,
          }),
        )
      ).UserPool!;
      const client = (
        await idp.send(new CreateUserPoolClientCommand({ UserPoolId: pool.Id!, ClientName: 'app', ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }))
      ).UserPoolClient!;
      const groups = new Set(Object.values(users).flatMap((u) => u.groups ?? []));
      for (const group of groups) await idp.send(new CreateGroupCommand({ UserPoolId: pool.Id!, GroupName: group }));
      for (const [username, spec] of Object.entries(users)) {
        await idp.send(
          new AdminCreateUserCommand({
            UserPoolId: pool.Id!,
            Username: username,
            MessageAction: 'SUPPRESS',
            UserAttributes: Object.entries(spec.attributes ?? {}).map(([Name, Value]) => ({ Name, Value })),
          }),
        );
        await idp.send(new AdminSetUserPasswordCommand({ UserPoolId: pool.Id!, Username: username, Password: PASSWORD, Permanent: true }));
        for (const group of spec.groups ?? []) {
          await idp.send(new AdminAddUserToGroupCommand({ UserPoolId: pool.Id!, Username: username, GroupName: group }));
        }
      }
      const provider = userPoolProviderName(emu.region, pool.Id!);
      return {
        poolId: pool.Id!,
        clientId: client.ClientId!,
        provider,
        async idToken(username) {
          const auth = await idp.send(
            new AdminInitiateAuthCommand({
              AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
              UserPoolId: pool.Id!,
              ClientId: client.ClientId!,
              AuthParameters: { USERNAME: username, PASSWORD },
            }),
          );
          return auth.AuthenticationResult!.IdToken!;
        },
        logins: (idToken) => ({ [provider]: idToken }),
      };
    },
    async identityPool(opts) {
      const created = await identity.send(
        new CreateIdentityPoolCommand({
          IdentityPoolName: opts.name,
          AllowUnauthenticatedIdentities: opts.allowGuests,
          AllowClassicFlow: opts.classic ?? false,
          DeveloperProviderName: opts.developerProvider,
          CognitoIdentityProviders: (opts.providers ?? []).map((p) => ({ ProviderName: p.provider, ClientId: p.clientId })),
        }),
      );
      return created.IdentityPoolId!;
    },
    async setRoles(poolId, roles, mappings) {
      await identity.send(new SetIdentityPoolRolesCommand({ IdentityPoolId: poolId, Roles: roles, RoleMappings: mappings }));
    },
    stsAs(c) {
      const client = new STSClient({
        endpoint: emu.url,
        region: emu.region,
        credentials: { accessKeyId: c.AccessKeyId!, secretAccessKey: (c.SecretAccessKey ?? c.SecretKey)!, sessionToken: c.SessionToken },
      });
      extra.push(client);
      return client;
    },
    async stop() {
      for (const c of [identity, sts, iam, idp, ...extra]) c.destroy();
      await emu.stop();
    },
  };
  return world;
}

/** The error a promise rejects with, as name/status/message; fails when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<{ name: string; status?: number; message: string }> {
  try {
    await promise;
  } catch (err) {
    const e = err as Error & { $metadata?: { httpStatusCode?: number } };
    return { name: e.name, status: e.$metadata?.httpStatusCode, message: e.message };
  }
  throw new Error('expected the call to be refused; it succeeded');
}
