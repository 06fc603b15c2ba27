import { createHash } from 'node:crypto';
import { NAMEID_PERSISTENT, assumeRoleWithSaml, type AssertionRequest, type CaseContext } from '../../harness';

/** The NameID and RoleSessionName the cases give their user unless they say otherwise. */
export const USER = 'ana';

/** An assertion request from `corp` listing one fixture role, with `ana` as NameID and RoleSessionName. */
export function assertionFor(ctx: CaseContext, role: string, overrides: Partial<AssertionRequest> = {}): AssertionRequest {
  const corp = ctx.fx.samlProvider('corp');
  return {
    roles: [{ roleArn: ctx.fx.role(role).arn, providerArn: corp.arn }],
    nameId: USER,
    nameIdFormat: NAMEID_PERSISTENT,
    roleSessionName: USER,
    ...overrides,
  };
}

/** AssumeRoleWithSAML into `roleArn` through the `corp` provider; the promise is left to the case. */
export function assumeWithSaml(ctx: CaseContext, roleArn: string, samlAssertion: string) {
  return assumeRoleWithSaml(ctx.clients.sts, { roleArn, principalArn: ctx.fx.samlProvider('corp').arn, samlAssertion });
}

/** A signed assertion from `corp` for a fixture role, sent to AssumeRoleWithSAML for that role. */
export function assumeListed(ctx: CaseContext, role: string, overrides: Partial<AssertionRequest> = {}) {
  const samlAssertion = ctx.fx.samlProvider('corp').idp.assertion(assertionFor(ctx, role, overrides));
  return assumeWithSaml(ctx, ctx.fx.role(role).arn, samlAssertion);
}

/**
 * NameQualifier as STS-API AssumeRoleWithSAML defines it:
 * BASE64 ( SHA1 ( Issuer + AccountId + "/" + <provider friendly name> ) ).
 */
export function expectedNameQualifier(issuer: string, accountId: string, providerName: string): string {
  return createHash('sha1').update(`${issuer}${accountId}/${providerName}`, 'utf8').digest('base64');
}

/** Swap one piece of signed XML for another; throws if the piece is not there, so a tamper case never sends the original. */
export function replaceOnce(xml: string, from: string, to: string): string {
  if (!xml.includes(from)) throw new Error(`Cannot tamper: ${from} is not in the signed response`);
  return xml.replace(from, to);
}
