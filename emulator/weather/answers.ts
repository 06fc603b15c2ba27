import { AwsServiceError } from '../errors';
import type { WeatherService } from './profile';

/**
 * What each service answers when a call is over its rate. Encoded in the
 * service's own protocol by whoever catches it (awsJson: `__type` and
 * `x-amzn-ErrorType`; awsQuery: `<Type>Sender</Type>`; S3: its XML).
 * - Cognito (both): `TooManyRequestsException` 400 [doc: CG-API, "This
 *   exception is thrown when the user has made too many requests for a given
 *   operation. HTTP Status Code: 400"], message `Rate exceeded` [obs:
 *   boto/boto3#2517 "TooManyRequestsException … when calling the AdminGetUser
 *   operation: Rate exceeded"; aws-amplify/amplify-android#3001 on GetId].
 * - IAM and STS: `Throttling` 400, Type Sender, `Rate exceeded` [obs:
 *   legion-platform/legion#807 (CreateRole), jlevers/selling-partner-api#278
 *   (AssumeRole): `<Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message>`].
 * - S3: `SlowDown` 503 "Please reduce your request rate." [doc: S3-API "Error responses", List of error codes].
 * Every one of these is what the SDKs classify as throttling and retry.
 */
export function throttleAnswer(service: WeatherService): AwsServiceError {
  switch (service) {
    case 'cognito-idp':
    case 'cognito-identity':
      return new AwsServiceError('TooManyRequestsException', 'Rate exceeded', 400);
    case 'iam':
    case 'sts':
      return new AwsServiceError('Throttling', 'Rate exceeded', 400, 'Sender');
    case 's3':
      return new AwsServiceError('SlowDown', 'Please reduce your request rate.', 503);
  }
}

/** Share of STS's transient faults answered 500 InternalFailure; the rest are 503 ServiceUnavailable [est: research §4]. */
const STS_INTERNAL_SHARE = 0.7;

/**
 * A transient server fault, the kind the SDKs retry (HTTP 5xx):
 * - IAM `ServiceFailure` 500 "The request processing has failed because of an
 *   unknown error, exception or failure." [doc: IAM-API CreateRole, Errors];
 * - Cognito `InternalErrorException` 500 "Internal server error." [doc: CG-API
 *   Errors, HTTP 500; obs message: aws-amplify/aws-sdk-android#2022,
 *   kirodotdev/Kiro#3401 "Internal server error. (Service: AWSCognitoIdentityProviderService; Status Code: 500; Error Code: InternalErrorException"];
 * - STS `InternalFailure` 500 "The request processing has failed because of an
 *   unknown error, exception or failure." or `ServiceUnavailable` 503 "The
 *   request has failed due to a temporary failure of the server." [doc: STS-API "Common Errors"];
 * - S3 `InternalError` 500 "We encountered an internal error. Please try again." [doc: S3-API "Error responses"].
 * `u` (uniform in [0, 1)) picks STS's kind.
 */
export function transientAnswer(service: WeatherService, u: number): AwsServiceError {
  switch (service) {
    case 'iam':
      return new AwsServiceError('ServiceFailure', 'The request processing has failed because of an unknown error, exception or failure.', 500);
    case 'cognito-idp':
    case 'cognito-identity':
      return new AwsServiceError('InternalErrorException', 'Internal server error.', 500);
    case 'sts':
      return u < STS_INTERNAL_SHARE
        ? new AwsServiceError('InternalFailure', 'The request processing has failed because of an unknown error, exception or failure.', 500)
        : new AwsServiceError('ServiceUnavailable', 'The request has failed due to a temporary failure of the server.', 503);
    case 's3':
      return new AwsServiceError('InternalError', 'We encountered an internal error. Please try again.', 500);
  }
}
