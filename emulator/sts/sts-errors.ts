import { AwsServiceError } from '../errors';

/**
 * `InvalidIdentityToken` (400, Sender) [doc: STS-API Errors: "The web identity
 * token that was passed could not be validated by Amazon Web Services. Get a new
 * identity token from the identity provider and then retry the request."].
 */
export function invalidIdentityToken(message: string): AwsServiceError {
  return new AwsServiceError('InvalidIdentityToken', message, 400);
}

/** The documented description, used where AWS's live wording is unknown (e.g. a signature that does not verify). */
export const INVALID_IDENTITY_TOKEN_DESCRIPTION =
  'The web identity token that was passed could not be validated by Amazon Web Services. Get a new identity token from the identity provider and then retry the request.';

/**
 * `ExpiredTokenException` (400): "Token expired: current date/time <now> must be
 * before the expiration date/time <exp>", both in epoch seconds [obs, aws-contract.md §5;
 * aws/aws-sdk-java-v2#5709].
 */
export function expiredWebIdentityToken(nowSeconds: number, exp: number): AwsServiceError {
  return new AwsServiceError(
    'ExpiredTokenException',
    `Token expired: current date/time ${nowSeconds} must be before the expiration date/time ${exp}`,
    400,
  );
}

/**
 * `AccessDenied` (403) "Not authorized to perform sts:AssumeRoleWithWebIdentity"
 * when the role's trust policy does not allow the token [doc: CG "Role trust and
 * permissions"; obs, aws-contract.md §2 and §5].
 */
export function webIdentityAccessDenied(): AwsServiceError {
  return new AwsServiceError('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity', 403);
}

/**
 * `AccessDenied` (403) "Cannot call GetSessionToken with session credentials"
 * [obs: aws/aws-sdk-js#3670, aws/aws-sdk-net#1704] and "Cannot call
 * GetFederationToken with session credentials" [obs: fwdcloudsec/granted#151]:
 * both need long-term credentials of an IAM user or the root user [doc: IAM-UG
 * "Compare AWS STS credentials"].
 */
export function sessionCredentialsRefused(operation: 'GetSessionToken' | 'GetFederationToken'): AwsServiceError {
  return new AwsServiceError('AccessDenied', `Cannot call ${operation} with session credentials`, 403);
}

/**
 * `AccessDenied` (403) for MFA the emulator cannot check: it holds no MFA
 * devices, so any SerialNumber is unknown [obs: "MultiFactorAuthentication
 * failed, unable to validate MFA code.  Please verify your MFA serial number is
 * valid and associated with this user.", AWS CLI output quoted in a public
 * Julia MFA helper; the double space is as quoted].
 */
export function mfaNotValidated(): AwsServiceError {
  return new AwsServiceError(
    'AccessDenied',
    'MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.',
    403,
  );
}

/** `MissingAuthenticationToken` (403) for a signed-only operation reached without a caller. */
export function missingAuthentication(): AwsServiceError {
  return new AwsServiceError('MissingAuthenticationToken', 'Request is missing Authentication Token', 403);
}
