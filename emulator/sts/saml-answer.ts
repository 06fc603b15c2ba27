import { createHash } from 'node:crypto';

const NAMEID_FORMAT_PREFIX = 'urn:oasis:names:tc:SAML:2.0:nameid-format:';

/**
 * `NameQualifier` of AssumeRoleWithSAML: "A hash value based on the
 * concatenation of … the Issuer response value, the Amazon Web Services account
 * ID, the friendly name (the last part of the ARN) of the SAML provider in IAM",
 * computed as `BASE64 ( SHA1 ( "https://example.com/saml" + "123456789012" +
 * "/MySAMLIdP" ) )` [doc: STS-API AssumeRoleWithSAML, NameQualifier]. The same
 * value is the `saml:namequalifier` condition key, whose page describes it as
 * `saml:iss` followed by `saml:doc` (`<account>/<provider name>`) [doc: IAM-UG
 * "IAM and AWS STS condition context keys"].
 */
export function nameQualifier(issuer: string, accountId: string, providerName: string): string {
  return createHash('sha1').update(`${issuer}${accountId}/${providerName}`, 'utf8').digest('base64');
}

/**
 * `SubjectType`: the NameID's `Format`; "If the format includes the prefix
 * urn:oasis:names:tc:SAML:2.0:nameid-format, that prefix is removed. For
 * example, urn:oasis:names:tc:SAML:2.0:nameid-format:transient is returned as
 * transient. If the format includes any other prefix, the format is returned
 * with no modifications" [doc: STS-API AssumeRoleWithSAML, SubjectType]. The
 * `saml:sub_type` condition key has the same values ("persistent, transient,
 * or … the full Format URI", IAM-UG condition keys). Undefined without a Format.
 */
export function subjectType(format: string | undefined): string | undefined {
  if (format === undefined || format === '') return undefined;
  return format.startsWith(NAMEID_FORMAT_PREFIX) ? format.slice(NAMEID_FORMAT_PREFIX.length) : format;
}

/** `saml:doc`: "account-ID/provider-friendly-name, such as 123456789012/SAMLProviderName" [doc: IAM-UG condition keys]. */
export function samlDoc(accountId: string, providerName: string): string {
  return `${accountId}/${providerName}`;
}
