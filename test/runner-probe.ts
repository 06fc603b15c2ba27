import { GetOpenIdTokenForDeveloperIdentityCommand, GetPrincipalTagAttributeMapCommand } from '@aws-sdk/client-cognito-identity';
import { IAMClient } from '@aws-sdk/client-iam';
import { allowActions, assumeRoleTrust, openSession, policyDocument, type FixtureSpec, type StartedTarget } from '../harness';
import { resourceKinds } from '../harness/provisioning/registry';
import { permissionChecks } from '../harness/contract/doctor/permission-checks';
import { runPermissions } from '../harness/contract/doctor/run-permissions';
import type { Runner } from '../harness/contract/as-runner';

/**
 * A fixture with one resource of every kind a run provisions, so provisioning
 * it calls every create a run calls: a tagged user pool with a client, a group
 * holding a role and a user; an identity pool with a developer provider,
 * roles (SetIdentityPoolRoles passes them) and principal tags; an OIDC and a
 * SAML provider; a role with an inline policy whose trust names the long-term
 * IAM user (so the throwaway user is made, with its policy and key); a bucket
 * with tags, an object and a policy naming that role (so teardown removes the
 * policy, empties the bucket and deletes it).
 */
export const PROBE_FIXTURE: FixtureSpec = {
  userPools: {
    pool: {
      clients: { web: { authFlows: ['USER_PASSWORD_AUTH', 'ADMIN_USER_PASSWORD_AUTH'] } },
      groups: { admins: { role: 'auth', precedence: 1 } },
      users: { ana: { groups: ['admins'] } },
    },
  },
  identityPools: {
    ids: { providers: [{ userPool: 'pool', client: 'web' }], developerProvider: 'login', roles: { authenticated: 'auth' }, principalTags: [{ userPool: 'pool', useDefaults: true }] },
  },
  oidcProviders: { oidc: { userPool: 'pool', clients: ['web'] } },
  samlProviders: { corp: {} },
  roles: {
    auth: { trust: { identityPools: ['ids'], amr: 'authenticated' } },
    chain: { trust: { document: (r) => policyDocument(assumeRoleTrust(r.iamUserArn)) }, policies: { reads: allowActions(['iam:GetRole']) } },
  },
  buckets: {
    files: {
      objects: { 'seed.txt': 'seed' },
      policy: (r) => policyDocument({ Effect: 'Allow', Principal: { AWS: r.roleArn('chain') }, Action: 's3:GetObject', Resource: `${r.bucketArn}/*` }),
    },
  },
};

/**
 * Everything a run does as the runner, against the emulator, until the first
 * refusal: the doctor's permission simulation, provisioning the probe fixture,
 * a developer-identity token, the pool's principal tags read back, teardown
 * (each deletion confirmed) and the listing sweep finds leftovers by. Answers the first
 * AccessDenied message met, or undefined when everything was allowed.
 */
export async function firstDenial(runner: Runner, ledgerDir: string): Promise<string | undefined> {
  const denial = (message: string) => (/is not authorized to perform/.test(message) ? message : undefined);
  const target: StartedTarget = runner.target;
  const iam = new IAMClient({ region: target.region, endpoint: target.endpoint, credentials: target.credentials, maxAttempts: 1 });
  try {
    const doctor = await permissionChecks(iam, runner.sessionArn, runPermissions({ partition: 'aws', accountId: runner.roleArn.split(':')[4], region: target.region, permissionsBoundary: runner.permissionsBoundary }));
    const refused = doctor.map((c) => denial(c.detail)).find(Boolean);
    if (refused) return refused;
  } finally {
    iam.destroy();
  }
  const session = await openSession({ target, permissionsBoundary: runner.permissionsBoundary, ledgerDir });
  let found: string | undefined;
  try {
    const fx = await session.provision(PROBE_FIXTURE, 'probe');
    const pool = fx.identityPool('ids');
    await session.clients.identity.send(new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId: pool.id, Logins: { [pool.developerProviderName!]: 'probe-user' } }));
    await session.clients.identity.send(new GetPrincipalTagAttributeMapCommand({ IdentityPoolId: pool.id, IdentityProviderName: fx.userPool('pool').providerName }));
  } catch (err) {
    found = denial((err as Error).message) ?? `${(err as Error).name}: ${(err as Error).message}`;
  } finally {
    const torn = await session.teardown();
    found ??= torn.failures.map((f) => denial(f.message)).find(Boolean);
    if (!found) {
      try {
        // How sweep finds leftovers: each resource kind lists what the target holds.
        for (const kind of resourceKinds()) await kind.ledgered?.list(session.clients);
      } catch (err) {
        found = denial((err as Error).message) ?? `${(err as Error).name}: ${(err as Error).message}`;
      }
    }
    await session.release();
  }
  return found;
}

/** The action an AccessDenied message names: "… is not authorized to perform: <action> on resource: …". */
export function deniedAction(message: string | undefined): string | undefined {
  return message ? /is not authorized to perform: (\S+) on resource/.exec(message)?.[1] : undefined;
}
