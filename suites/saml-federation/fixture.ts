import { AWS_SAML_RECIPIENT, NAMEID_PERSISTENT, assumeRoleWithSaml, policyDocument, samlTrust, type FixtureSpec, type PolicyDocument } from '../../harness';

/** A SAML role's trust: `samlTrust` (IAM-UG "Creating a role for SAML 2.0 federation") as a whole document. */
export function samlTrustPolicy(providerArn: string, extra: Record<string, string | string[]> = {}): PolicyDocument {
  return policyDocument(samlTrust(providerArn, extra));
}

/**
 * The harness is the SAML identity provider `corp` (key, certificate and
 * metadata made at provisioning time); `other` is a second provider no
 * assertion in this suite is signed for.
 *
 * - `saml-user`: trusts `corp` with the documented trust policy, for the global and the regional
 *   sign-in endpoint; the role assertions list.
 * - `unlisted`: the same trust, but never listed in an assertion's Role attribute.
 * - `no-aud-condition`: trusts `corp` without the SAML:aud condition.
 * - `other-provider-only`: trusts `other` only, so a `corp` assertion fails its trust policy.
 * - `only-bob`: trusts `corp` for the subject (`SAML:sub`) `bob` only.
 */
export const samlFederationFixture: FixtureSpec = {
  samlProviders: { corp: {}, other: {} },
  roles: {
    // SAML:aud is taken from the assertion's Recipient (IAM-UG condition keys for SAML), so a role that also
    // accepts the regional endpoint lists it.
    'saml-user': {
      trust: { document: (r) => samlTrustPolicy(r.samlProvider('corp').arn, { 'SAML:aud': [AWS_SAML_RECIPIENT, `https://${r.region}.signin.aws.amazon.com/saml`] }) },
    },
    unlisted: { trust: { document: (r) => samlTrustPolicy(r.samlProvider('corp').arn) } },
    // No SAML:aud condition: a wrong Recipient (which SAML:aud is read from) must be refused by STS itself, not by the trust.
    'no-aud-condition': {
      trust: { document: (r) => policyDocument({ Effect: 'Allow', Principal: { Federated: r.samlProvider('corp').arn }, Action: 'sts:AssumeRoleWithSAML' }) },
    },
    'other-provider-only': { trust: { document: (r) => samlTrustPolicy(r.samlProvider('other').arn) } },
    'only-bob': { trust: { document: (r) => samlTrustPolicy(r.samlProvider('corp').arn, { 'SAML:sub': 'bob' }) } },
  },
  // Propagation check: one assertion for saml-user must work before any case runs.
  async ready(fx, clients) {
    const corp = fx.samlProvider('corp');
    const role = fx.role('saml-user');
    await assumeRoleWithSaml(clients.sts, {
      roleArn: role.arn,
      principalArn: corp.arn,
      samlAssertion: corp.idp.assertion({
        roles: [{ roleArn: role.arn, providerArn: corp.arn }],
        nameId: 'ready-check',
        nameIdFormat: NAMEID_PERSISTENT,
        roleSessionName: 'ready-check',
      }),
    });
  },
};
