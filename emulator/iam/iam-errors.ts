import { AwsServiceError } from '../errors';

/** `NoSuchEntity` (404) "The role with name X cannot be found." [obs: cloudquery/cq-provider-aws#843, jarpy/lambkin#3] */
export function noSuchRole(name: string): AwsServiceError {
  return new AwsServiceError('NoSuchEntity', `The role with name ${name} cannot be found.`, 404);
}

/** `NoSuchEntity` (404) "The role policy with name X cannot be found." [obs: aws/aws-cli#6139] */
export function noSuchRolePolicy(name: string): AwsServiceError {
  return new AwsServiceError('NoSuchEntity', `The role policy with name ${name} cannot be found.`, 404);
}

/** `EntityAlreadyExists` (409) "Role with name X already exists." */
export function roleAlreadyExists(name: string): AwsServiceError {
  return new AwsServiceError('EntityAlreadyExists', `Role with name ${name} already exists.`, 409);
}

/** `DeleteConflict` (409) for a role that still has inline policies [obs: awslabs/aws-orbit-workbench#633, burtcorp/athena-runner#1]. */
export function roleHasPolicies(): AwsServiceError {
  return new AwsServiceError('DeleteConflict', 'Cannot delete entity, must delete policies first.', 409);
}

/** `LimitExceeded` (409), e.g. "Cannot exceed quota for ACLSizePerRole: 2048" [obs: kubeflow/kubeflow#6687]. */
export function limitExceeded(message: string): AwsServiceError {
  return new AwsServiceError('LimitExceeded', message, 409);
}

/** `InvalidInput` (400). */
export function invalidInput(message: string): AwsServiceError {
  return new AwsServiceError('InvalidInput', message, 400);
}

/** `NoSuchEntity` (404) "OpenIDConnect Provider not found for arn X" [obs: the message moto and nccgroup/altimeter's fixtures reproduce from AWS]. */
export function noSuchOidcProvider(arn: string): AwsServiceError {
  return new AwsServiceError('NoSuchEntity', `OpenIDConnect Provider not found for arn ${arn}`, 404);
}

/** `NoSuchEntity` (404) "Manifest not found for arn X" [obs: nccgroup/altimeter's GetSAMLProvider fixture]. */
export function noSuchSamlProvider(arn: string): AwsServiceError {
  return new AwsServiceError('NoSuchEntity', `Manifest not found for arn ${arn}`, 404);
}

/** `EntityAlreadyExists` (409) "Provider with url X already exists." [obs: AWS CLI output quoted in EKS IRSA guides]. */
export function oidcProviderAlreadyExists(url: string): AwsServiceError {
  return new AwsServiceError('EntityAlreadyExists', `Provider with url ${url} already exists.`, 409);
}

/**
 * `EntityAlreadyExists` (409) for a SAML provider name already in use (aws-contract.md §5).
 * The wording is inferred from IAM's other "already exists" messages.
 */
export function samlProviderAlreadyExists(name: string): AwsServiceError {
  return new AwsServiceError('EntityAlreadyExists', `SAMLProvider ${name} already exists.`, 409);
}
