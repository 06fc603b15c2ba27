import { GetPrincipalTagAttributeMapCommand } from '@aws-sdk/client-cognito-identity';
import {
  assumeRole,
  assumeRoleWithSaml,
  assumeRoleWithWebIdentity,
  developerOpenIdToken,
  NAMEID_PERSISTENT,
  stsArn,
  type AssumeRoleRequest,
  type CaseContext,
  type Credentials,
  type PermissionCell,
} from '../../harness';
import { noPolicyAllows, objectArn, readObject, s3Denied } from '../s3-steps';
import { credentialsThrough, signInAs } from '../steps';

/** One matrix cell, decided by the call made under `step`. */
export function cell(principal: string, action: string, resource: string, expected: 'allow' | 'deny', step: string): PermissionCell {
  return { principal, action, resource, expected, step };
}

/** `arn:<partition>:sts::<account>:assumed-role/<role>/<session>` (IAM-UG "IAM identifiers"). */
export function sessionArn(ctx: CaseContext, role: string, session: string): string {
  return stsArn(ctx.target.region, ctx.fx.caller.accountId, `assumed-role/${ctx.fx.role(role).name}/${session}`);
}

/** The harness assumes a fixture role with session attributes; the promise is left to the case. */
export function assumeWith(ctx: CaseContext, role: string, session: string, extra: Partial<AssumeRoleRequest> = {}) {
  return assumeRole(ctx.clients.sts, { roleArn: ctx.fx.role(role).arn, roleSessionName: session, ...extra });
}

/** A role session chains into another fixture role; the promise is left to the case. */
export function chainInto(ctx: CaseContext, credentials: Credentials, role: string, session: string, extra: Partial<AssumeRoleRequest> = {}) {
  return assumeRole(ctx.clients.stsWith(credentials), { roleArn: ctx.fx.role(role).arn, roleSessionName: session, ...extra });
}

/** A fixture user through the enhanced flow of one of the identity pools. */
export async function enhancedThrough(ctx: CaseContext, user: string, pool: string) {
  const { idToken, claims } = await signInAs(ctx, user);
  return { claims, call: credentialsThrough(ctx, pool, idToken) };
}

/** GetPrincipalTagAttributeMap for user pool `main` in an identity pool. */
export function principalTagMap(ctx: CaseContext, pool: string) {
  return ctx.clients.identity.send(new GetPrincipalTagAttributeMapCommand({ IdentityPoolId: ctx.fx.identityPool(pool).id, IdentityProviderName: ctx.fx.userPool('main').providerName }));
}

/** A SAML session of `saml-tagged` whose assertion passes these session tags. */
export function samlTaggedSession(ctx: CaseContext, tags: Record<string, string>, transitive: string[]) {
  const corp = ctx.fx.samlProvider('corp');
  const roleArn = ctx.fx.role('saml-tagged').arn;
  const attributes: Record<string, string[]> = Object.fromEntries(Object.entries(tags).map(([k, v]) => [`https://aws.amazon.com/SAML/Attributes/PrincipalTag:${k}`, [v]]));
  if (transitive.length > 0) attributes['https://aws.amazon.com/SAML/Attributes/TransitiveTagKeys'] = transitive;
  const samlAssertion = corp.idp.assertion({ roles: [{ roleArn, providerArn: corp.arn }], nameId: 'dana', nameIdFormat: NAMEID_PERSISTENT, roleSessionName: 'dana', attributes });
  return assumeRoleWithSaml(ctx.clients.sts, { roleArn, principalArn: corp.arn, samlAssertion });
}

/** A developer OpenID token carrying PrincipalTags, exchanged for `web-tagged` with AssumeRoleWithWebIdentity. */
export async function webTaggedSession(ctx: CaseContext, principalTags: Record<string, string>) {
  const pool = ctx.fx.identityPool('developer');
  const { token } = await ctx.expect.succeeds(
    'GetOpenIdTokenForDeveloperIdentity',
    developerOpenIdToken(ctx.clients.identity, { identityPoolId: pool.id, developerProviderName: pool.developerProviderName!, developerUserId: 'dana', principalTags }),
  );
  return assumeRoleWithWebIdentity(ctx.clients.sts, { roleArn: ctx.fx.role('web-tagged').arn, roleSessionName: 'idchain-web', webIdentityToken: token });
}

/** Read an object the session's attributes must allow; the call is the matrix step `step`. */
export function readsAllowed(ctx: CaseContext, credentials: Credentials, key: string, step: string, source: Parameters<CaseContext['expect']['succeeds']>[2]) {
  return ctx.expect.succeeds(step, readObject(ctx, credentials, 'data', key), source);
}

/** Read an object no policy of the session allows: AccessDenied 403 naming the session and the object. */
export function readsDenied(ctx: CaseContext, credentials: Credentials, who: string, key: string, step: string, source: Parameters<CaseContext['expect']['error']>[3]) {
  return ctx.expect.error(step, readObject(ctx, credentials, 'data', key), s3Denied(who, 's3:GetObject', objectArn(ctx, 'data', key), noPolicyAllows('identity-based', 's3:GetObject')), source);
}
