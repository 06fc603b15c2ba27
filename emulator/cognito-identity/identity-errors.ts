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

/**
 * GetOpenIdToken on a pool without AllowClassicFlow [obs, aws-contract.md §2 Flows;
 * aws/aws-cli#7652: "An error occurred (InvalidParameterException) when calling the
 * GetOpenIdToken operation: Basic (classic) flow is not enabled, please use enhanced flow."].
 */
export function classicFlowDisabled(): AwsServiceError {
  return invalidParameter('Basic (classic) flow is not enabled, please use enhanced flow.');
}

/** GetOpenIdToken on a pool with RoleMappings [obs, aws-contract.md §2 Flows]. */
export function classicFlowWithRoleMappings(): AwsServiceError {
  return invalidParameter('Basic (classic) flow is not supported with RoleMappings, please use enhanced flow.');
}

/**
 * A `cognito-identity.amazonaws.com` login where only a provider's token may go
 * (GetId): "Invalid login token. Can't pass in a Cognito token." [obs: aws-amplify/amplify-js#665].
 */
export function cognitoTokenNotAllowed(): AwsServiceError {
  return notAuthorized("Invalid login token. Can't pass in a Cognito token.");
}

/**
 * GetOpenIdTokenForDeveloperIdentity naming a developer provider the pool does
 * not have [obs message: danilop/LambdAuth#32; the error name is undocumented].
 */
export function developerProviderNotSupported(): AwsServiceError {
  return notAuthorized('This identity pool does not support the specified developer provider');
}

/**
 * [doc: CI-API DeveloperUserAlreadyRegisteredException "The provided developer user
 * identifier is already registered with Cognito under a different identity ID."];
 * the live message is undocumented, the exception's description is used.
 */
export function developerUserAlreadyRegistered(): AwsServiceError {
  return new AwsServiceError(
    'DeveloperUserAlreadyRegisteredException',
    'The provided developer user identifier is already registered with Cognito under a different identity ID.',
    400,
  );
}
