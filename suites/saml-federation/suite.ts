import { AWS_SAML_RECIPIENT, NAMEID_TRANSIENT, callerIdentity, defineSuite, encodeSamlResponse, stsArn } from '../../harness';
import { IAM_IDENTIFIERS, STS_GET_CALLER_IDENTITY, cite } from '../citations';
import { samlFederationFixture } from './fixture';
import {
  IAM_SAML_ASSERTIONS,
  IAM_SAML_CONDITION_KEYS,
  IAM_SAML_ROLE,
  IAM_SAML_TROUBLESHOOTING,
  SAML_EXPIRED_OBSERVED,
  SAML_ROLE_NOT_LISTED_OBSERVED,
  STS_ASSUME_ROLE_WITH_SAML,
} from './sources';
import { USER, assertionFor, assumeListed, assumeWithSaml, expectedNameQualifier, replaceOnce } from './steps';

const API = STS_ASSUME_ROLE_WITH_SAML;
const TROUBLE = IAM_SAML_TROUBLESHOOTING;
const ASSERTIONS = IAM_SAML_ASSERTIONS;
const SIGNATURE_INVALID = { name: 'InvalidIdentityToken', httpStatus: 400, message: 'Response signature invalid' };
const NOT_AUTHORIZED = { name: 'AccessDenied', httpStatus: 403, message: 'Not authorized to perform sts:AssumeRoleWithSAML' };
const BAD_SESSION_NAME = { name: 'InvalidIdentityToken', httpStatus: 400, message: 'RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}' };
const SAML_11_EMAIL = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';
/** Not AWS's sign-in endpoint: what an IdP configured for another service provider would send. */
const OTHER_SP = 'https://sp.idchain.invalid/saml';
/** AWS's regional SAML endpoint, also a valid Recipient (IAM-UG "Configuring SAML assertions": https://<region-code>.signin.aws.amazon.com/saml). */
const REGIONAL_RECIPIENT = (region: string) => `https://${region}.signin.aws.amazon.com/saml`;

export const samlFederationSuite = defineSuite({
  name: 'saml-federation',
  title: 'SAML 2.0 federation: an IdP-signed assertion → AssumeRoleWithSAML',
  services: ['sts', 'iam'],
  fixture: samlFederationFixture,
  cases: [
    {
      id: 'saml/assertion-gets-credentials',
      title: 'A signed assertion listing the role gives credentials; Subject, SubjectType, Issuer, Audience and NameQualifier are derived from it as documented',
      citations: [STS_ASSUME_ROLE_WITH_SAML, IAM_SAML_ASSERTIONS, IAM_SAML_ROLE, IAM_IDENTIFIERS, STS_GET_CALLER_IDENTITY],
      async run(ctx) {
        const corp = ctx.fx.samlProvider('corp');
        const role = ctx.fx.role('saml-user');
        const { accountId } = ctx.fx.caller;
        // The regional endpoint as Recipient, the global one as AudienceRestriction (both allowed, IAM-UG): Audience must be the Recipient.
        const sts = await ctx.expect.succeeds('AssumeRoleWithSAML', assumeListed(ctx, 'saml-user', { recipient: REGIONAL_RECIPIENT(ctx.target.region) }), [API, TROUBLE]);
        ctx.expect.equal('AssumeRoleWithSAML.Subject', sts.subject, USER, cite(API, `Subject: "The value of the NameID element in the Subject element of the SAML assertion"`));
        ctx.expect.equal('AssumeRoleWithSAML.SubjectType', sts.subjectType, 'persistent', cite(API, `SubjectType: the prefix urn:oasis:names:tc:SAML:2.0:nameid-format is removed`));
        ctx.expect.equal('AssumeRoleWithSAML.Issuer', sts.issuer, corp.idp.entityId, cite(API, `Issuer: "The value of the Issuer element of the SAML assertion"`));
        ctx.expect.equal(
          'AssumeRoleWithSAML.Audience',
          sts.audience,
          REGIONAL_RECIPIENT(ctx.target.region),
          cite(API, `Audience: "The value of the Recipient attribute of the SubjectConfirmationData element of the SAML assertion"`),
        );
        ctx.expect.equal(
          'AssumeRoleWithSAML.NameQualifier',
          sts.nameQualifier,
          expectedNameQualifier(corp.idp.entityId, accountId, corp.name),
          cite(API, `NameQualifier: BASE64 ( SHA1 ( Issuer + AccountId + "/" + provider friendly name ) )`),
        );
        const expectedArn = stsArn(ctx.target.region, accountId, `assumed-role/${role.name}/${USER}`);
        ctx.expect.equal('AssumeRoleWithSAML.AssumedRoleUser.Arn', sts.assumedRoleUser?.arn, expectedArn, [cite(API, 'the RoleSessionName attribute names the session'), IAM_IDENTIFIERS]);
        ctx.expect.equal('AssumeRoleWithSAML.AssumedRoleUser.AssumedRoleId', sts.assumedRoleUser?.assumedRoleId, `${role.id}:${USER}`, cite(IAM_IDENTIFIERS, '<RoleId>:<session name>'));
        ctx.expect.match('AssumeRoleWithSAML.Credentials.AccessKeyId', sts.credentials.accessKeyId, /^ASIA[A-Z0-9]{16}$/, cite(IAM_IDENTIFIERS, 'temporary keys start ASIA'));
        const who = await ctx.expect.succeeds('GetCallerIdentity', callerIdentity(ctx.clients, sts.credentials), cite(STS_GET_CALLER_IDENTITY, 'needs no permission'));
        ctx.expect.equal('GetCallerIdentity.Arn', who.arn, expectedArn, [STS_GET_CALLER_IDENTITY, IAM_IDENTIFIERS]);
        ctx.expect.equal('GetCallerIdentity.UserId', who.userId, `${role.id}:${USER}`, cite(IAM_IDENTIFIERS, '<RoleId>:<session name>'));
        ctx.expect.equal('GetCallerIdentity.Account', who.account, accountId, STS_GET_CALLER_IDENTITY);
      },
    },
    {
      id: 'saml/transient-subject-type',
      title: 'A transient NameID comes back as SubjectType "transient"',
      citations: [STS_ASSUME_ROLE_WITH_SAML, IAM_SAML_ASSERTIONS],
      async run(ctx) {
        const sts = await ctx.expect.succeeds('AssumeRoleWithSAML', assumeListed(ctx, 'saml-user', { nameId: 'tmp-7f3a9c', nameIdFormat: NAMEID_TRANSIENT }), ASSERTIONS);
        ctx.expect.equal('AssumeRoleWithSAML.SubjectType', sts.subjectType, 'transient', cite(API, `SubjectType: "urn:oasis:names:tc:SAML:2.0:nameid-format:transient is returned as transient"`));
        ctx.expect.equal('AssumeRoleWithSAML.Subject', sts.subject, 'tmp-7f3a9c', cite(API, `Subject: the NameID value`));
      },
    },
    {
      id: 'saml/other-format-subject-type-unmodified',
      title: 'A NameID Format without the SAML 2.0 nameid-format prefix (SAML 1.1 emailAddress) comes back unmodified as SubjectType',
      citations: [STS_ASSUME_ROLE_WITH_SAML, IAM_SAML_ASSERTIONS],
      async run(ctx) {
        const sts = await ctx.expect.succeeds(
          'AssumeRoleWithSAML',
          assumeListed(ctx, 'saml-user', { nameId: 'ana@example.com', nameIdFormat: SAML_11_EMAIL }),
          cite(ASSERTIONS, `urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress is a supported NameID format`),
        );
        ctx.expect.equal('AssumeRoleWithSAML.SubjectType', sts.subjectType, SAML_11_EMAIL, cite(API, `SubjectType: "If the format includes any other prefix, the format is returned with no modifications"`));
        ctx.expect.equal('AssumeRoleWithSAML.Subject', sts.subject, 'ana@example.com', cite(API, `Subject: the NameID value`));
      },
    },
    {
      id: 'saml/tampered-assertion-refused',
      title: 'An assertion whose NameID was changed after signing is refused: InvalidIdentityToken "Response signature invalid"',
      citations: [IAM_SAML_TROUBLESHOOTING, STS_ASSUME_ROLE_WITH_SAML],
      async run(ctx) {
        const { idp } = ctx.fx.samlProvider('corp');
        const signed = idp.sign(idp.responseXml(assertionFor(ctx, 'saml-user')));
        const forged = replaceOnce(signed, `>${USER}</saml:NameID>`, '>admin</saml:NameID>');
        await ctx.expect.error(
          'AssumeRoleWithSAML',
          assumeWithSaml(ctx, ctx.fx.role('saml-user').arn, encodeSamlResponse(forged)),
          SIGNATURE_INVALID,
          cite(TROUBLE, `"Response signature invalid (service: AWSSecurityTokenService; status code: 400; error code: InvalidIdentityToken)"`),
        );
      },
    },
    {
      id: 'saml/other-key-refused',
      title: 'An assertion with the provider\'s entity id but signed by another key is refused: InvalidIdentityToken "Response signature invalid"',
      citations: [IAM_SAML_TROUBLESHOOTING, STS_ASSUME_ROLE_WITH_SAML],
      async run(ctx) {
        const impostor = await ctx.fx.samlProvider('corp').idp.impostor();
        await ctx.expect.error(
          'AssumeRoleWithSAML',
          assumeWithSaml(ctx, ctx.fx.role('saml-user').arn, impostor.assertion(assertionFor(ctx, 'saml-user'))),
          SIGNATURE_INVALID,
          [cite(API, "the assertion is validated with the keys in the provider's metadata"), cite(TROUBLE, '"Response signature invalid"')],
        );
      },
    },
    {
      id: 'saml/expired-assertion-refused',
      title: 'An assertion past its NotOnOrAfter is refused with ExpiredTokenException',
      citations: [STS_ASSUME_ROLE_WITH_SAML, IAM_SAML_ASSERTIONS, SAML_EXPIRED_OBSERVED],
      async run(ctx) {
        await ctx.expect.error(
          'AssumeRoleWithSAML',
          // Fifteen minutes past NotOnOrAfter: beyond any clock-skew allowance a verifier may give.
          assumeListed(ctx, 'saml-user', { validForSeconds: -900 }),
          { name: 'ExpiredTokenException', httpStatus: 400, message: 'Response has expired' },
          [cite(API, 'Errors: ExpiredTokenException (400)'), cite(ASSERTIONS, 'NotOnOrAfter'), SAML_EXPIRED_OBSERVED],
        );
      },
    },
    {
      id: 'saml/unlisted-role-refused',
      title: 'AssumeRoleWithSAML for a role the assertion does not list is refused, even though the role trusts the provider',
      citations: [IAM_SAML_ASSERTIONS, STS_ASSUME_ROLE_WITH_SAML, SAML_ROLE_NOT_LISTED_OBSERVED],
      async run(ctx) {
        const samlAssertion = ctx.fx.samlProvider('corp').idp.assertion(assertionFor(ctx, 'saml-user'));
        await ctx.expect.error(
          'AssumeRoleWithSAML',
          assumeWithSaml(ctx, ctx.fx.role('unlisted').arn, samlAssertion),
          { name: 'InvalidIdentityToken', message: "SAML Assertion doesn't contain the requested Role and Metadata in the attributes" },
          [cite(ASSERTIONS, 'the Role attribute lists the roles the user is mapped to'), SAML_ROLE_NOT_LISTED_OBSERVED],
        );
      },
    },
    {
      id: 'saml/nonexistent-role-denied',
      title: 'An assertion listing a role that does not exist is refused with AccessDenied 403',
      citations: [IAM_SAML_TROUBLESHOOTING, STS_ASSUME_ROLE_WITH_SAML],
      async run(ctx) {
        const corp = ctx.fx.samlProvider('corp');
        const absentArn = `${ctx.fx.role('saml-user').arn}-absent`;
        const samlAssertion = corp.idp.assertion({ ...assertionFor(ctx, 'saml-user'), roles: [{ roleArn: absentArn, providerArn: corp.arn }] });
        await ctx.expect.error(
          'AssumeRoleWithSAML',
          assumeWithSaml(ctx, absentArn, samlAssertion),
          NOT_AUTHORIZED,
          cite(TROUBLE, `"Not authorized to perform sts:AssumeRoleWithSAML … 403 … AccessDenied" when the role "is misspelled or does not exist"`),
        );
      },
    },
    {
      id: 'saml/other-provider-trust-denied',
      title: 'A role whose trust policy names another SAML provider refuses an assertion through this one with AccessDenied 403',
      citations: [IAM_SAML_TROUBLESHOOTING, IAM_SAML_ROLE, STS_ASSUME_ROLE_WITH_SAML],
      async run(ctx) {
        await ctx.expect.error(
          'AssumeRoleWithSAML',
          assumeListed(ctx, 'other-provider-only'),
          NOT_AUTHORIZED,
          cite(TROUBLE, `access only if the role trust policy names the SAML provider as principal; "Not authorized to perform sts:AssumeRoleWithSAML" (403, AccessDenied)`),
        );
      },
    },
    {
      id: 'saml/trust-sub-condition',
      title: 'A trust policy conditioned on SAML:sub admits that subject and refuses another with AccessDenied 403',
      citations: [IAM_SAML_CONDITION_KEYS, IAM_SAML_TROUBLESHOOTING, STS_ASSUME_ROLE_WITH_SAML],
      async run(ctx) {
        const bob = await ctx.expect.succeeds(
          'AssumeRoleWithSAML(bob)',
          assumeListed(ctx, 'only-bob', { nameId: 'bob', roleSessionName: 'bob' }),
          cite(IAM_SAML_CONDITION_KEYS, 'SAML:sub is the Subject (NameID)'),
        );
        ctx.expect.equal('AssumeRoleWithSAML(bob).Subject', bob.subject, 'bob', cite(API, `Subject: the NameID value`));
        await ctx.expect.error(
          'AssumeRoleWithSAML(ana)',
          assumeListed(ctx, 'only-bob'),
          NOT_AUTHORIZED,
          cite(TROUBLE, `trust policy not satisfied → "Not authorized to perform sts:AssumeRoleWithSAML" (403, AccessDenied)`),
        );
      },
    },
    {
      id: 'saml/missing-role-session-name-refused',
      title: 'An assertion without the RoleSessionName attribute is refused: InvalidIdentityToken "RoleSessionName is required in AuthnResponse"',
      citations: [IAM_SAML_TROUBLESHOOTING, IAM_SAML_ASSERTIONS],
      async run(ctx) {
        await ctx.expect.error(
          'AssumeRoleWithSAML',
          assumeListed(ctx, 'saml-user', { roleSessionName: null }),
          { name: 'InvalidIdentityToken', httpStatus: 400, message: 'RoleSessionName is required in AuthnResponse' },
          cite(TROUBLE, `"RoleSessionName is required in AuthnResponse (service: AWSSecurityTokenService; status code: 400; error code: InvalidIdentityToken)"`),
        );
      },
    },
    {
      id: 'saml/bad-role-session-name-refused',
      title: 'A RoleSessionName attribute of 1 character, 65 characters, or with a space is refused: it must match [a-zA-Z_0-9+=,.@-]{2,64}',
      citations: [IAM_SAML_TROUBLESHOOTING, IAM_SAML_ASSERTIONS],
      async run(ctx) {
        const source = cite(TROUBLE, `"RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64} (… status code: 400; error code: InvalidIdentityToken)"`);
        const bad: [string, string][] = [
          ['one-char', 'a'],
          ['65-chars', 'a'.repeat(65)],
          ['space', 'ana maria'],
        ];
        for (const [label, roleSessionName] of bad) {
          await ctx.expect.error(`AssumeRoleWithSAML(${label})`, assumeListed(ctx, 'saml-user', { roleSessionName }), BAD_SESSION_NAME, source);
        }
      },
    },
    {
      id: 'saml/wrong-recipient-refused',
      title: 'An assertion whose SubjectConfirmationData Recipient is not the AWS sign-in endpoint is refused',
      citations: [IAM_SAML_ASSERTIONS, STS_ASSUME_ROLE_WITH_SAML],
      async run(ctx) {
        // AWS documents that the Recipient must match the sign-in endpoint, not which error a mismatch gives: any refusal passes, the golden records which.
        // The role's trust has no SAML:aud condition, so the refusal cannot come from the trust policy.
        await ctx.expect.error('AssumeRoleWithSAML', assumeListed(ctx, 'no-aud-condition', { recipient: OTHER_SP }), {}, cite(ASSERTIONS, `the Recipient "must match the AWS endpoint"`));
      },
    },
    {
      id: 'saml/wrong-audience-refused',
      title: 'An assertion whose AudienceRestriction names another service provider is refused',
      citations: [IAM_SAML_ASSERTIONS, IAM_SAML_TROUBLESHOOTING],
      async run(ctx) {
        // The troubleshooting page lists "Response does not contain the required audience." without saying which STS error carries it: any refusal passes.
        await ctx.expect.error(
          'AssumeRoleWithSAML',
          assumeListed(ctx, 'saml-user', { audience: OTHER_SP }),
          {},
          [cite(ASSERTIONS, 'AudienceRestriction must name https://signin.aws.amazon.com/saml'), cite(TROUBLE, '"Response does not contain the required audience."')],
        );
      },
    },
  ],
});
