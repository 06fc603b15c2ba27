import { AwsServiceError } from '../errors';

/**
 * The messages IAM answers with `MalformedPolicyDocument` (400). Each was seen
 * on the wire; the source is next to it.
 */
export const POLICY_MESSAGES = {
  // [obs: aws-contract.md §4, recorded against AWS; AWSCookbook/Security#2]
  invalidJson: 'This policy contains invalid Json',
  // Statement missing/null, wrong element types, unknown elements, a condition
  // block without an operator. [obs: kubernetes/kops#13095 ("Statement": null),
  // aws-cloudformation/cfn-lint#3751 (condition without operator), 99designs/iamy#74 (document "null")]
  syntax: 'Syntax errors in policy.',
  // Effect spelt in another case, e.g. "allow". [obs: moto's validator, ported from AWS answers]
  legacyParsing: 'The policy failed legacy parsing',
  // [obs: moto's validator]
  duplicateSid: 'Statement IDs (SID) in a single policy must be unique.',
  // [obs: hashicorp/terraform#17987, terraform-aws-modules/terraform-aws-iam#603]
  missingResources: 'Policy statement must contain resources.',
  // [obs: moto's validator; same family as the one above]
  missingActions: 'Policy statement must contain actions.',
  // [obs: garnaat/kappa#111 and moto's validator]
  actionWithoutVendor: 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
  actionTwoColons: 'Actions/Condition can contain only one colon.',
  // Identity (permission) policy carrying Principal. [obs: hashicorp/terraform#13449]
  principalInIdentityPolicy: 'Policy document should not specify a principal.',
  // Trust policy statement without Principal. [obs: terraform-aws-modules/terraform-aws-iam#47,
  // hashicorp/terraform-provider-aws#7756]
  noPrincipal:
    'Invalid principal in policy: com.amazon.balsa.error.InvalidPolicyException: The passed in policy has a statement with no principals!',
} as const;

/** `MalformedPolicyDocument`, HTTP 400, Sender. */
export function malformedPolicy(message: string): AwsServiceError {
  return new AwsServiceError('MalformedPolicyDocument', message, 400);
}

/** Trust policy carrying a field a trust policy may not have, e.g. "Has prohibited field Resource". [obs: kubernetes-sigs/external-dns#3085] */
export function prohibitedField(field: string): AwsServiceError {
  return malformedPolicy(`Has prohibited field ${field}`);
}

/** A principal IAM cannot resolve, e.g. `Invalid principal in policy: "AWS":"arn:aws:iam::123456789012:role/Gone"`. [obs: databrickslabs/ucx#2269, opstrace/opstrace#88] */
export function invalidPrincipal(type: string, value: string): AwsServiceError {
  return malformedPolicy(`Invalid principal in policy: "${type}":"${value}"`);
}
