import { AwsServiceError } from '../errors';

// Cognito identity pools answer client errors with HTTP 400. The service model
// gives NotAuthorizedException 403, but the live service answers 400
// [obs, aws-contract.md §2 Errors]; every error here is 400.

/** Constraint violations, worded the Coral way (see input-check.ts). */
export function validationException(message: string): AwsServiceError {
  return new AwsServiceError('ValidationException', message, 400);
}

export function invalidParameter(message: string): AwsServiceError {
  return new AwsServiceError('InvalidParameterException', message, 400);
}

export function notAuthorized(message: string): AwsServiceError {
  return new AwsServiceError('NotAuthorizedException', message, 400);
}

/** [obs: aws-amplify/amplify-js#1966, awslabs/aws-sdk-android-samples#163] "IdentityPool '<id>' not found." */
export function poolNotFound(poolId: string): AwsServiceError {
  return new AwsServiceError('ResourceNotFoundException', `IdentityPool '${poolId}' not found.`, 400);
}

/** [obs: "ResourceNotFoundException: Identity 'identity-id' not found.", quoted in public API Gateway samples] */
export function identityNotFound(identityId: string): AwsServiceError {
  return new AwsServiceError('ResourceNotFoundException', `Identity '${identityId}' not found.`, 400);
}

/** [obs, aws-contract.md §2 Guest] */
export function unauthenticatedNotSupported(): AwsServiceError {
  return notAuthorized('Unauthenticated access is not supported for this identity pool.');
}

/**
 * [doc: CI-API InvalidIdentityPoolConfigurationException "Thrown if the identity pool has no role
 * associated for the given auth type (auth/unauth) or if the AssumeRole fails."]; message
 * [obs, aws-contract.md §2 Trust policy; amazon-archives/amazon-cognito-auth-js#196].
 */
export function invalidPoolConfiguration(): AwsServiceError {
  return new AwsServiceError(
    'InvalidIdentityPoolConfigurationException',
    'Invalid identity pool configuration. Check assigned IAM roles for this pool.',
    400,
  );
}

/** [obs: aws-amplify/amplify-js#2443, amazon-archives/amazon-cognito-identity-js#68] */
export function loginsDoNotMatch(): AwsServiceError {
  return notAuthorized("Logins don't match. Please include at least one valid login for this identity or identity pool.");
}

/** [obs, aws-contract.md §4; boto/boto3#73, danilop/LambdAuth#40] SetIdentityPoolRoles with a role IAM does not know. */
export function roleForbidden(roleArn: string): AwsServiceError {
  return notAuthorized(`Access to Role '${roleArn}' is forbidden.`);
}
