import { AwsServiceError } from '../errors';
import { randomUUID } from '../ids';
import { invalidIdentityToken } from './sts-errors';

/**
 * Some refusals come from the service behind STS that reads SAML responses,
 * and STS passes its message on with that service's details appended: e.g.
 * "Specified provider doesn't exist (Service: AWSOpenIdDiscoveryService; Status
 * Code: 400; Error Code: AuthSamlManifestNotFoundException; Request ID: <uuid>;
 * Proxy: null)" [obs: AWS CLI output asserted in public `aws login` integration
 * tests; dbeaver/cloudbeaver#3112 for "Issuer not present in specified provider"].
 */
function fromDiscoveryService(message: string, errorCode: string): AwsServiceError {
  return invalidIdentityToken(
    `${message} (Service: AWSOpenIdDiscoveryService; Status Code: 400; Error Code: ${errorCode}; Request ID: ${randomUUID()}; Proxy: null)`,
  );
}

/** PrincipalArn names no SAML provider [obs, as above; doc: IAM-UG "Troubleshooting SAML 2.0 federation", "Specified provider doesn't exist."]. */
export function samlProviderNotFound(): AwsServiceError {
  return fromDiscoveryService("Specified provider doesn't exist", 'AuthSamlManifestNotFoundException');
}

/** SAMLAssertion is not base64 [obs: "Invalid base64 SAMLResponse (Service: AWSOpenIdDiscoveryService; … AuthSamlInvalidSamlResponseException …)", quoted in Keycloak–AWS write-ups]. */
export function samlNotBase64(): AwsServiceError {
  return fromDiscoveryService('Invalid base64 SAMLResponse', 'AuthSamlInvalidSamlResponseException');
}

/** The decoded response is not a SAML Response. AWS's wording is not on record; the error code follows the base64 case. */
export function samlNotAResponse(detail: string): AwsServiceError {
  return fromDiscoveryService(`Invalid SAMLResponse: ${detail}`, 'AuthSamlInvalidSamlResponseException');
}

/** The assertion's Issuer is not the provider's entityID [doc: IAM-UG "Troubleshooting SAML 2.0 federation"; obs: dbeaver/cloudbeaver#3112]. */
export function samlIssuerNotInProvider(): AwsServiceError {
  return fromDiscoveryService('Issuer not present in specified provider', 'AuthSamlInvalidSamlResponseException');
}

/** No signature verifies with the provider's metadata [doc: IAM-UG "Troubleshooting SAML 2.0 federation": "Response signature invalid"]. */
export function samlSignatureInvalid(): AwsServiceError {
  return invalidIdentityToken('Response signature invalid');
}

/** AWS's own spelling, "SubjectConfirmatonData" [obs: STS output quoted in "ADFS2 is not always SAML 2.0 standards compliant", techdebug, 2015]. */
export function samlConfirmationMissing(): AwsServiceError {
  return invalidIdentityToken('Responses must contain SubjectConfirmatonData with a Recipient and NotOnOrAfter');
}

/** `ExpiredTokenException` (400) "Response has expired" [obs, aws-contract.md §5]. */
export function samlExpired(): AwsServiceError {
  return new AwsServiceError('ExpiredTokenException', 'Response has expired', 400);
}

/** Recipient, Audience or NotBefore the emulator refuses; AWS's wording for these is not on record. */
export function samlNotAllowed(what: string, actual: string, expected: string): AwsServiceError {
  return invalidIdentityToken(`${what} not allowed: ${actual}. Expected: ${expected}`);
}

/** The requested role/provider pair is not among the Role attribute's values [obs: STS output quoted in a public ADFS CLI helper]. */
export function samlRoleNotInAssertion(): AwsServiceError {
  return invalidIdentityToken("SAML Assertion doesn't contain the requested Role and Metadata in the attributes");
}

/** [doc: IAM-UG "Troubleshooting SAML 2.0 federation"] */
export function samlRoleSessionNameMissing(): AwsServiceError {
  return invalidIdentityToken('RoleSessionName is required in AuthnResponse');
}

/** [doc: IAM-UG "Troubleshooting SAML 2.0 federation"] */
export function samlRoleSessionNameInvalid(): AwsServiceError {
  return invalidIdentityToken('RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}');
}

/** [doc: IAM-UG "Troubleshooting SAML 2.0 federation"] */
export function samlSourceIdentityInvalid(): AwsServiceError {
  return invalidIdentityToken('Source Identity must match [a-zA-Z_0-9+=,.@-]{2,64} and not begin with "aws:"');
}

/** SessionDuration outside 900–43200 [doc: IAM-UG "Configuring SAML assertions": "an integer … between 900 and 43200"]; wording inferred. */
export function samlSessionDurationInvalid(value: string): AwsServiceError {
  return invalidIdentityToken(`SessionDuration in AuthnResponse not allowed: ${value}. Expected: an integer from 900 to 43200`);
}

/** `AccessDenied` (403) "Not authorized to perform sts:AssumeRoleWithSAML" [doc: IAM-UG "Troubleshooting SAML 2.0 federation"]. */
export function samlAccessDenied(): AwsServiceError {
  return new AwsServiceError('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithSAML', 403);
}
