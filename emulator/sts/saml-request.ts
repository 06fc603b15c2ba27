import { validationError } from '../errors';
import { Violations, type StringConstraint } from '../iam/validation';
import { queryInt } from '../protocol/aws-query';
import { lengthViolations, NOT_NULL, validationMessage, violationText } from '../validation/constraints';
import { readPolicyArns } from './assume-role';
import { checkDurationSecondsRange, ROLE_SESSION_DURATION } from './duration';
import { optionalString } from './query-input';

// Member constraints [doc: STS-API AssumeRoleWithSAML; botocore sts model: SAMLAssertionType 4–100000].
const ARN: StringConstraint = { required: true, min: 20, max: 2048 };
const POLICY: StringConstraint = { min: 1, max: 2048, pattern: '[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+' };
const ASSERTION = { min: 4, max: 100_000 };

export interface SamlRequest {
  roleArn: string;
  principalArn: string;
  samlAssertion: string;
  policy?: string;
  policyArns: string[];
  durationSeconds?: number;
}

/**
 * Shape validation, every violation in one ValidationError (400). The
 * assertion is sensitive: its violations name the member without the value.
 */
export function readSamlRequest(input: Record<string, unknown>): SamlRequest {
  const req: SamlRequest = {
    roleArn: optionalString(input, 'RoleArn') as string,
    principalArn: optionalString(input, 'PrincipalArn') as string,
    samlAssertion: optionalString(input, 'SAMLAssertion') as string,
    policy: optionalString(input, 'Policy'),
    policyArns: readPolicyArns(input),
    durationSeconds: queryInt(input, 'DurationSeconds', 'durationSeconds'),
  };
  const head = new Violations().string(req.roleArn, 'roleArn', ARN).string(req.principalArn, 'principalArn', ARN);
  const assertion = req.samlAssertion;
  // The assertion is sensitive ("Value at 'sAMLAssertion' …") and its length counts UTF-16 units.
  const assertionProblems =
    assertion === undefined
      ? [violationText(assertion, 'sAMLAssertion', NOT_NULL)]
      : lengthViolations(assertion.length, ASSERTION).map((c) => violationText(assertion, 'sAMLAssertion', c, true));
  const tail = new Violations();
  req.policyArns.forEach((arn, i) => tail.string(arn, `policyArns.${i + 1}.member.arn`, { min: 20, max: 2048 }));
  tail.string(req.policy, 'policy', POLICY);
  checkDurationSecondsRange(tail, req.durationSeconds, ROLE_SESSION_DURATION);
  const all = [...head.messages, ...assertionProblems, ...tail.messages];
  if (all.length > 0) throw validationError(validationMessage(all));
  return req;
}
