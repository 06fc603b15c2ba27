import { policyDocument, webIdentityTrust } from '../../provisioning/policies';
import type { FixtureSpec } from '../../provisioning/spec';
import { assumeRoleWithWebIdentity } from '../../flows/basic';
import { callerIdentity } from '../../flows/caller-identity';
import { signIn } from '../../flows/sign-in';
import { decodeClaims } from '../../cases/tokens';
import { minutesFromNow, type FlowCommandOptions, type FlowPlan } from './flow-plan';
import { secondsOption } from './seconds-option';

/** The session name the flow gives STS; it comes back in the assumed-role ARN. */
const SESSION_NAME = 'idchain-flow';

/** A user pool registered as an IAM OIDC provider, and a role trusting its `web` client (the `:aud` condition). */
function webIdentityFixture(username: string): FixtureSpec {
  return {
    userPools: { main: { clients: { web: { authFlows: ['USER_PASSWORD_AUTH'] } }, users: { [username]: {} } } },
    oidcProviders: { main: { userPool: 'main', clients: ['web'] } },
    roles: {
      web: {
        maxSessionDuration: 43200,
        trust: { document: (r) => policyDocument(webIdentityTrust(r.oidcProvider('main'))) },
      },
    },
  };
}

/**
 * `flow web-identity`: a user pool's ID token straight to
 * AssumeRoleWithWebIdentity through an IAM OIDC provider, no identity pool.
 */
export function webIdentityPlan(opts: FlowCommandOptions): FlowPlan {
  const durationSeconds = secondsOption(opts.durationSeconds, '--duration-seconds');
  return {
    fixture: webIdentityFixture(opts.username),
    describes: 'a throwaway user pool, its IAM OIDC provider and a role',
    async run({ clients, fx, shown }) {
      const user = fx!.user('main', opts.username);
      const provider = fx!.oidcProvider('main');
      const tokens = await signIn(clients.idp, { userPoolId: fx!.userPool('main').id, clientId: fx!.client('main', 'web').id, username: user.username, password: user.password });
      const claims = decodeClaims(tokens.idToken);
      shown.push(
        `1. InitiateAuth USER_PASSWORD_AUTH as ${user.username} → ID token`,
        `   iss     ${String(claims.iss)}`,
        `   aud     ${String(claims.aud)}`,
        `   sub     ${String(claims.sub)}`,
        `   expires ${minutesFromNow(new Date(Number(claims.exp) * 1000))}`,
        `2. IAM OIDC provider ${provider.arn} (ClientIDList ${provider.clientIds.join(', ')})`,
      );
      const answer = await assumeRoleWithWebIdentity(clients.sts, {
        roleArn: fx!.role('web').arn,
        roleSessionName: SESSION_NAME,
        webIdentityToken: tokens.idToken,
        durationSeconds,
      });
      shown.push(
        `3. AssumeRoleWithWebIdentity${durationSeconds === undefined ? '' : ` (DurationSeconds ${durationSeconds})`} → credentials expiring ${minutesFromNow(answer.credentials.expiration)}`,
        `   Provider                    ${answer.provider ?? '(none)'}`,
        `   Audience                    ${answer.audience ?? '(none)'}`,
        `   SubjectFromWebIdentityToken ${answer.subjectFromWebIdentityToken ?? '(none)'}`,
      );
      const who = await callerIdentity(clients, answer.credentials);
      shown.push(`4. GetCallerIdentity → ${who.arn}`);
    },
  };
}
