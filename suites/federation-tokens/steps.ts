import { GetRoleCommand, ListRolesCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { allowActions, assumeRole, federationToken, longTermUser, sessionToken, type CaseContext, type Credentials } from '../../harness';
import { STS_ASSUME_ROLE, STS_GET_CALLER_IDENTITY, STS_GET_FEDERATION_TOKEN, STS_GET_SESSION_TOKEN, cite } from '../citations';
import { FEDERATED_NAME } from './fixture';

/** A session policy allowing these actions, as the JSON text STS takes. */
export function policyText(actions: string[]): string {
  return JSON.stringify(allowActions(actions));
}

/** STS signed with an IAM user's long-term keys (the harness's own, or the fixture's throwaway user). */
export function longTermSts(ctx: CaseContext) {
  return longTermUser(ctx.fx).sts;
}

/** GetFederationToken for `carol` (or another name), signed with long-term IAM user keys; the promise is left to the case. */
export function federate(ctx: CaseContext, opts: { name?: string; policy?: string } = {}) {
  return federationToken(longTermSts(ctx), { name: opts.name ?? FEDERATED_NAME, policy: opts.policy });
}

/** GetFederationToken that must succeed for the case to go on. */
export async function federated(ctx: CaseContext, policy?: string) {
  return ctx.expect.succeeds('GetFederationToken', federate(ctx, { policy }), cite(STS_GET_FEDERATION_TOKEN, 'an IAM user with long-term keys may call it'));
}

/** GetSessionToken with long-term IAM user keys; must succeed. */
export async function userSession(ctx: CaseContext) {
  return ctx.expect.succeeds('GetSessionToken', sessionToken(longTermSts(ctx)), cite(STS_GET_SESSION_TOKEN, 'an IAM user with long-term keys may call it'));
}

/** Role-session credentials for `target`, assumed by the long-term IAM user. */
export async function roleSession(ctx: CaseContext) {
  return ctx.expect.succeeds(
    'AssumeRole',
    assumeRole(longTermSts(ctx), { roleArn: ctx.fx.role('target').arn, roleSessionName: 'idchain-federation' }),
    cite(STS_ASSUME_ROLE, 'the role trusts the caller'),
  );
}

/** IAM ListRoles signed with other credentials. */
export function listRolesWith(ctx: CaseContext, credentials: Credentials) {
  return ctx.clients.iamWith(credentials).send(new ListRolesCommand({}));
}

/** IAM GetRole of the fixture role, signed with other credentials. */
export function getRoleWith(ctx: CaseContext, credentials: Credentials) {
  return ctx.clients.iamWith(credentials).send(new GetRoleCommand({ RoleName: ctx.fx.role('target').name }));
}

/** Who the long-term credentials are. */
export async function harnessIdentity(ctx: CaseContext) {
  const who = await ctx.expect.succeeds('GetCallerIdentity', longTermSts(ctx).send(new GetCallerIdentityCommand({})), cite(STS_GET_CALLER_IDENTITY, 'needs no permission'));
  return { arn: who.Arn, userId: who.UserId, account: who.Account };
}

