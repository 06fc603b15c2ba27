import { AwsServiceError } from '../errors';

// IAM's answers for managed policies, permissions boundaries, users and access keys.

/** `NoSuchEntity` (404) "Policy X does not exist or is not attachable." [obs: pulumi/pulumi#7419, AttachRolePolicy; moto reproduces it, getmoto/moto#6482]. Also what a boundary that does not exist gets [inferred: a boundary is attached as one]. */
export function policyNotAttachable(arn: string): AwsServiceError {
  return new AwsServiceError('NoSuchEntity', `Policy ${arn} does not exist or is not attachable.`, 404);
}

/** `NoSuchEntity` (404) for GetPolicy and DeletePolicy of a policy that does not exist [inferred: IAM's "X was not found." wording]. */
export function policyNotFound(arn: string): AwsServiceError {
  return new AwsServiceError('NoSuchEntity', `Policy ${arn} was not found.`, 404);
}

/** `NoSuchEntity` (404) for a version a policy does not have [obs: the message moto reproduces, moto/iam/models.py get_policy_version]. */
export function policyVersionNotFound(arn: string, versionId: string): AwsServiceError {
  return new AwsServiceError('NoSuchEntity', `Policy ${arn} version ${versionId} does not exist or is not attachable.`, 404);
}

/** `EntityAlreadyExists` (409) "A policy called X already exists. Duplicate names are not allowed." [obs: konstructio/kubefirst#855, status code 409]. */
export function policyAlreadyExists(name: string): AwsServiceError {
  return new AwsServiceError('EntityAlreadyExists', `A policy called ${name} already exists. Duplicate names are not allowed.`, 409);
}

/**
 * `DeleteConflict` (409) "Cannot delete a policy attached to entities." [obs:
 * rebuy-de/aws-nuke#294, terraform-aws-modules/terraform-aws-eks#3132]. Also
 * while the policy is a permissions boundary [obs: gruntwork-io/cloud-nuke#972,
 * DeleteConflict for a policy used as a boundary; the message there is inferred].
 */
export function policyInUse(): AwsServiceError {
  return new AwsServiceError('DeleteConflict', 'Cannot delete a policy attached to entities.', 409);
}

/** `DeleteConflict` (409) "Cannot delete entity, must detach all policies first." for a role or user with managed policies attached [obs: hashicorp/boundary#5646, StatusCode 409; aws/aws-sdk-java#2155]. */
export function mustDetachPolicies(): AwsServiceError {
  return new AwsServiceError('DeleteConflict', 'Cannot delete entity, must detach all policies first.', 409);
}

/** `DeleteConflict` (409) "Cannot delete entity, must delete access keys first." [obs: aws-controllers-k8s/community#2229, status code 409]. */
export function mustDeleteAccessKeys(): AwsServiceError {
  return new AwsServiceError('DeleteConflict', 'Cannot delete entity, must delete access keys first.', 409);
}

/** `NoSuchEntity` (404) "The user with name X cannot be found." [obs: the message moto reproduces; the same wording as roles, aws-contract.md]. */
export function noSuchUser(name: string): AwsServiceError {
  return new AwsServiceError('NoSuchEntity', `The user with name ${name} cannot be found.`, 404);
}

/** `EntityAlreadyExists` (409) "User with name X already exists." [inferred: the role's wording]. */
export function userAlreadyExists(name: string): AwsServiceError {
  return new AwsServiceError('EntityAlreadyExists', `User with name ${name} already exists.`, 409);
}

/** `NoSuchEntity` (404) "The user policy with name X cannot be found." [inferred: the role policy's wording, aws/aws-cli#6139]. */
export function noSuchUserPolicy(name: string): AwsServiceError {
  return new AwsServiceError('NoSuchEntity', `The user policy with name ${name} cannot be found.`, 404);
}

/** `NoSuchEntity` (404) "The Access Key with id X cannot be found." [obs: the message moto reproduces, moto/iam/models.py delete_access_key]. */
export function noSuchAccessKey(id: string): AwsServiceError {
  return new AwsServiceError('NoSuchEntity', `The Access Key with id ${id} cannot be found.`, 404);
}

/** `InvalidParameterValue` (400) for a boundary that is not a policy ARN [obs: the answer moto gives, "Value (X) for parameter PermissionsBoundary is invalid."]. */
export function invalidBoundary(value: string): AwsServiceError {
  return new AwsServiceError('InvalidParameterValue', `Value (${value}) for parameter PermissionsBoundary is invalid.`, 400);
}

/** `InvalidInput` (400) for AWS managed policies, which no account may change or delete [inferred]. */
export function awsManagedReadOnly(arn: string): AwsServiceError {
  return new AwsServiceError('InvalidInput', `Policy ${arn} is an AWS managed policy and cannot be changed or deleted.`, 400);
}
