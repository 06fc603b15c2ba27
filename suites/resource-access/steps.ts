import { GetRoleCommand } from '@aws-sdk/client-iam';
import {
  assumeRole,
  assumeRoleWithSaml,
  assumeRoleWithWebIdentity,
  basicFlow,
  getIdentityId,
  guestCredentials,
  NAMEID_PERSISTENT,
  stsArn,
  type CaseContext,
  type Credentials,
  type PermissionCell,
} from '../../harness';
import { CG_RBAC, STS_ASSUME_ROLE, cite } from '../citations';
import { credentialsThrough, loginsOf, signInAs, whoAmI } from '../steps';

/** The principals of the matrix: the role, and the flow that reached it. */
export const P = {
  admin: 'admin (enhanced flow, groups admin + editor)',
  editor: 'editor (enhanced flow, group editor)',
  member: 'member (enhanced flow, no group)',
  guestEnhanced: 'guest (enhanced flow)',
  guestBasic: 'guest (basic flow)',
  partner: 'partner (AssumeRole)',
  writer: 'writer (AssumeRole)',
  narrowed: 'writer (AssumeRole, session policy)',
  federated: 'federated user (GetFederationToken)',
  saml: 'saml-reader (AssumeRoleWithSAML)',
  oidc: 'oidc-reader (AssumeRoleWithWebIdentity)',
} as const;

/** One matrix cell, decided by the call made under `step`. */
export function cell(principal: string, action: string, resource: string, expected: 'allow' | 'deny', step: string): PermissionCell {
  return { principal, action, resource, expected, step };
}

/** `arn:<partition>:sts::<account>:assumed-role/<role>/<session>`; enhanced-flow sessions are CognitoIdentityCredentials (IAM-UG "IAM identifiers"). */
export function sessionArn(ctx: CaseContext, role: string, session = 'CognitoIdentityCredentials'): string {
  return stsArn(ctx.target.region, ctx.fx.caller.accountId, `assumed-role/${ctx.fx.role(role).name}/${session}`);
}

/** A fixture user through the enhanced flow of `rbac`: its identity id and credentials, checked to act as `role`. */
export async function enhancedAs(ctx: CaseContext, user: string, role: string) {
  const { idToken } = await signInAs(ctx, user);
  const got = await ctx.expect.succeeds(`GetCredentialsForIdentity(${user})`, credentialsThrough(ctx, 'rbac', idToken), cite(CG_RBAC, 'Token role mapping'));
  const { assumed } = await whoAmI(ctx, got.credentials);
  ctx.expect.equal(`GetCallerIdentity(${user}).Arn.role`, assumed?.roleName, ctx.fx.role(role).name, cite(CG_RBAC, `${user} gets the ${role} role`));
  return got;
}

/** The identity id a fixture user has in `rbac`, without credentials. */
export async function identityOf(ctx: CaseContext, user: string): Promise<string> {
  const { idToken } = await signInAs(ctx, user);
  return ctx.expect.succeeds(`GetId(${user})`, getIdentityId(ctx.clients.identity, { identityPoolId: ctx.fx.identityPool('rbac').id, logins: loginsOf(ctx.fx, idToken) }));
}

/** An enhanced-flow guest of `rbac`. */
export function enhancedGuest(ctx: CaseContext) {
  return ctx.expect.succeeds('GetCredentialsForIdentity(guest)', guestCredentials(ctx.clients.identity, { identityPoolId: ctx.fx.identityPool('rbac').id }));
}

export const BASIC_GUEST_SESSION = 'idchain-guest';

/** A basic-flow guest of `classic`, assuming `guest` itself. */
export function basicGuest(ctx: CaseContext) {
  return ctx.expect.succeeds(
    'AssumeRoleWithWebIdentity(guest)',
    basicFlow(ctx.clients, { identityPoolId: ctx.fx.identityPool('classic').id, roleArn: ctx.fx.role('guest').arn, roleSessionName: BASIC_GUEST_SESSION }),
  );
}

/** The harness assumes a fixture role (`partner`, `writer`), with a session policy when given. */
export function assumeAs(ctx: CaseContext, role: string, session: string, policy?: string) {
  return ctx.expect.succeeds(`AssumeRole(${role})`, assumeRole(ctx.clients.sts, { roleArn: ctx.fx.role(role).arn, roleSessionName: session, policy }), STS_ASSUME_ROLE);
}

/** IAM GetRole of the guest role, signed with the given credentials. */
export function getGuestRole(ctx: CaseContext, credentials: Credentials) {
  return ctx.clients.iamWith(credentials).send(new GetRoleCommand({ RoleName: ctx.fx.role('guest').name }));
}

/** A SAML assertion from `corp` for `saml-reader`, NameID and session name `nameId`. */
export function samlSession(ctx: CaseContext, nameId: string) {
  const corp = ctx.fx.samlProvider('corp');
  const roleArn = ctx.fx.role('saml-reader').arn;
  const samlAssertion = corp.idp.assertion({ roles: [{ roleArn, providerArn: corp.arn }], nameId, nameIdFormat: NAMEID_PERSISTENT, roleSessionName: nameId });
  return ctx.expect.succeeds('AssumeRoleWithSAML', assumeRoleWithSaml(ctx.clients.sts, { roleArn, principalArn: corp.arn, samlAssertion }));
}

/** A user pool ID token straight to AssumeRoleWithWebIdentity into `oidc-reader`. */
export async function webIdentitySession(ctx: CaseContext, user: string, session: string) {
  const { idToken } = await signInAs(ctx, user);
  return ctx.expect.succeeds(
    'AssumeRoleWithWebIdentity',
    assumeRoleWithWebIdentity(ctx.clients.sts, { roleArn: ctx.fx.role('oidc-reader').arn, roleSessionName: session, webIdentityToken: idToken }),
  );
}
