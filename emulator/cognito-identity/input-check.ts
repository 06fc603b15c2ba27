import { type ConstraintStyle, type StringConstraint } from '../validation/constraints';
import { JsonInputCheck } from '../validation/json-input';
import { validationException } from './identity-errors';

/** Constraints of a string member as the CI-API reference lists them ("Length Constraints", "Pattern"). */
export type StringRule = StringConstraint;

/**
 * Cognito identity lists a member's length constraints before its pattern:
 * "Value '{accounts.google.com=…, graph.facebook.com=… }' at
 * 'supportedLoginProviders' failed to satisfy constraint: Map value must satisfy
 * constraint: [Member must have length less than or equal to 128, Member must
 * have length greater than or equal to 1, Member must satisfy regular
 * expression pattern: [\w.;_/-]+]" [obs: aws/aws-cdk#31795, AWS's answer
 * quoted]. Empty strings are not matched against the pattern and lengths count
 * UTF-16 units (this emulator's behaviour so far; undocumented).
 */
export const IDENTITY_POOLS_STYLE: ConstraintStyle = { order: 'length-first', patternOnEmpty: false, lengthUnit: 'utf-16' };

/**
 * Collects constraint violations and reports them the way Cognito identity's
 * front end does: `ValidationException` (not InvalidParameterException)
 * "1 validation error detected: Value 'test-with-identity-pool' at
 * 'identityPoolName' failed to satisfy constraint: Member must satisfy regular
 * expression pattern: …" [obs: getmoto/moto#1979 (AWS output quoted),
 * aws-amplify/amplify-swift#2864 (x-amzn-ErrorType: ValidationException for
 * 'identityPoolId'), aws-amplify/aws-sdk-android#1829 via amazon-freertos#1829].
 * Several violations are counted and joined with "; " (Coral's format, as in
 * STS and user pools). Member paths are passed camel-cased; list members read
 * `list.N.member.field` and map values `map.<key>.member.field` (Coral's
 * notation; not seen in a Cognito identity answer — undocumented). A string or
 * integer that failed a constraint reads as undefined, so checks that depend on
 * it are skipped.
 */
export class InputCheck extends JsonInputCheck {
  constructor() {
    super({ style: IDENTITY_POOLS_STYLE, toError: validationException, dropInvalid: true });
  }
}

/** Shapes of the CI-API model (botocore cognito-identity 2014-06-30), as printed in AWS's messages. */
export const SHAPES = {
  identityPoolId: { min: 1, max: 55, pattern: '[\\w-]+:[0-9a-f-]+' },
  identityId: { min: 1, max: 55, pattern: '[\\w-]+:[0-9a-f-]+' },
  identityPoolName: { min: 1, max: 128, pattern: '[\\w\\s+=,.@-]+' },
  developerProviderName: { min: 1, max: 128, pattern: '[\\w._-]+' },
  identityProviderName: { min: 1, max: 128 },
  identityProviderId: { min: 1, max: 128, pattern: '[\\w.;_/-]+' },
  identityProviderToken: { min: 1, max: 50000 },
  cognitoProviderName: { min: 1, max: 128, pattern: '[\\w._:/-]+' },
  cognitoClientId: { min: 1, max: 128, pattern: '[\\w_]+' },
  arn: { min: 20, max: 2048 },
  roleType: { min: 1, max: 128, pattern: '(un)?authenticated' },
  claimName: { min: 1, max: 64, pattern: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+' },
  claimValue: { min: 1, max: 128 },
  tagKey: { min: 1, max: 128 },
  tagValue: { min: 0, max: 256 },
  accountId: { min: 1, max: 15, pattern: '\\d+' },
  paginationKey: { min: 1, max: 65535, pattern: '[\\S]+' },
  queryLimit: { min: 1, max: 60 },
  developerUserIdentifier: { min: 1, max: 1024 },
  tokenDuration: { min: 1, max: 86400 },
  principalTagId: { min: 1, max: 128 },
  principalTagValue: { min: 1, max: 256 },
} as const satisfies Record<string, StringRule | { min: number; max: number }>;
