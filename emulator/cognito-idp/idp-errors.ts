import { AwsServiceError } from '../errors';

// Cognito user pools answer every client error with HTTP 400; the error name
// carries the meaning (UP-API "Common Errors" and each operation's Errors).

export function invalidParameter(message: string): AwsServiceError {
  return new AwsServiceError('InvalidParameterException', message, 400);
}

export function notAuthorized(message: string): AwsServiceError {
  return new AwsServiceError('NotAuthorizedException', message, 400);
}

/** [obs: aws/aws-aspnet-cognito-identity-provider#135] "User pool us-east-2_<id> does not exist." */
export function poolNotFound(poolId: string): AwsServiceError {
  return new AwsServiceError('ResourceNotFoundException', `User pool ${poolId} does not exist.`, 400);
}

/** [obs: aws/aws-sdk-php#2183, wire body] "User pool client {id} does not exist." */
export function clientNotFound(clientId: string): AwsServiceError {
  return new AwsServiceError('ResourceNotFoundException', `User pool client ${clientId} does not exist.`, 400);
}

/** [obs: getmoto/moto#1883 and many client error maps] "User does not exist." */
export function userNotFound(): AwsServiceError {
  return new AwsServiceError('UserNotFoundException', 'User does not exist.', 400);
}

/** [obs: aws-amplify/amplify-cli#2214, Lambda log] "Group not found." */
export function groupNotFound(): AwsServiceError {
  return new AwsServiceError('ResourceNotFoundException', 'Group not found.', 400);
}

/** aws-contract.md §1 [obs]: wrong password; also unknown users when PreventUserExistenceErrors=ENABLED. */
export function incorrectCredentials(): AwsServiceError {
  return notAuthorized('Incorrect username or password.');
}
