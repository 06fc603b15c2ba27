import { AwsServiceError } from '../errors';
import { parsePolicy } from '../policy/parse';
import type { PolicyDocument, PolicyStatement } from '../policy/types';
import { s3Errors } from './s3-errors';

/** A bucket policy is at most 20 KB [doc: S3 User Guide "Bucket policies for Amazon S3"]. */
const MAX_POLICY_BYTES = 20 * 1024;

/** S3 actions that act on objects (`bucket/key`) rather than on the bucket [doc: Service Authorization Reference, Amazon S3]. */
const OBJECT_ACTIONS = new Set(['s3:getobject', 's3:putobject', 's3:deleteobject', 's3:getobjectversion', 's3:deleteobjectversion', 's3:getobjecttagging', 's3:putobjecttagging']);
const BUCKET_ACTIONS = new Set([
  's3:listbucket',
  's3:createbucket',
  's3:deletebucket',
  's3:getbucketpolicy',
  's3:putbucketpolicy',
  's3:deletebucketpolicy',
  's3:getbuckettagging',
  's3:putbuckettagging',
  's3:getbucketabac',
  's3:putbucketabac',
]);

/** The "AWS" principal forms of one partition [doc: IAM-UG "AWS JSON policy elements: Principal"]. */
function awsPrincipalForm(partition: string): RegExp {
  return new RegExp(`^(\\*|\\d{12}|arn:${partition}:iam::\\d{12}:(root|user/.+|role/.+)|arn:${partition}:sts::\\d{12}:(assumed-role/[^/]+/.+|federated-user/.+))$`);
}

/** The bucket a policy is put on: its name and ARN (`arn:<partition>:s3:::<name>`, permissions.ts). */
export interface PolicyTarget {
  name: string;
  arn: string;
  partition: string;
}

const asList = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function resourcesOf(bucket: PolicyTarget, s: PolicyStatement): string[] {
  const resources = asList(s.Resource ?? s.NotResource);
  // [inferred: worded as S3 words the missing Principal]
  if (resources.length === 0) throw s3Errors.malformedPolicy('Missing required field Resource');
  // "Policy has invalid resource": every resource must be this bucket or inside it
  // [obs: aws-samples/aws-serverless-appsync-app#4, versity/versitygw#648].
  for (const r of resources) {
    if (!(r === bucket.arn || r.startsWith(`${bucket.arn}/`))) throw s3Errors.malformedPolicy('Policy has invalid resource');
  }
  return resources;
}

function checkPrincipal(s: PolicyStatement, form: RegExp, principalExists: (arn: string) => boolean): void {
  const element = s.Principal ?? s.NotPrincipal;
  // [obs: humanmade/S3-Uploads#191, jschneier/django-storages#876]
  if (element === undefined) throw s3Errors.malformedPolicy('Missing required field Principal');
  if (element === '*') return;
  for (const value of asList(element.AWS)) {
    const known = !/^arn:[\w-]+:iam::\d{12}:(user|role)\//.test(value) || principalExists(value);
    // [obs: versity/versitygw#649, aws-samples/aws-modern-application-workshop#89]
    if (!form.test(value) || (value !== '*' && value.includes('*')) || !known) throw s3Errors.malformedPolicy('Invalid principal in policy');
  }
}

/**
 * An action no resource of the statement can take, e.g. s3:GetObject with only
 * the bucket's ARN: "Action does not apply to any resource(s) in statement"
 * [obs: widely quoted AWS answer]. Wildcard and unlisted S3 actions pass.
 */
function checkActionsApply(s: PolicyStatement, bucket: PolicyTarget, resources: string[]): void {
  if (s.NotResource !== undefined) return;
  const hasObject = resources.some((r) => r.includes('/') || r.endsWith('*'));
  const hasBucket = resources.some((r) => !r.slice(bucket.arn.length).includes('/'));
  for (const action of asList(s.Action)) {
    const a = action.toLowerCase();
    if (!a.startsWith('s3:') && a !== '*') throw s3Errors.malformedPolicy('Policy has invalid action');
    if ((OBJECT_ACTIONS.has(a) && !hasObject) || (BUCKET_ACTIONS.has(a) && !hasBucket)) {
      throw s3Errors.malformedPolicy('Action does not apply to any resource(s) in statement');
    }
  }
}

/**
 * Validate a bucket policy as PutBucketPolicy does: `MalformedPolicy` (400)
 * for JSON that does not parse ("Policies must be valid JSON and the first
 * byte must be '{'" [obs: AWS CLI output quoted in S3-compatible servers'
 * conformance notes]), for what the policy grammar refuses (IAM's message
 * [inferred: S3's own wording for each grammar error is not documented]), a
 * statement without Principal, an unknown principal, a resource outside the
 * bucket, an action outside S3 or that applies to none of the resources.
 */
export function checkBucketPolicy(text: string, bucket: PolicyTarget, principalExists: (arn: string) => boolean): PolicyDocument {
  if (Buffer.byteLength(text) > MAX_POLICY_BYTES) throw s3Errors.malformedPolicy('Policy exceeds the maximum allowed document size.');
  if (!text.trimStart().startsWith('{')) throw s3Errors.malformedPolicy("Policies must be valid JSON and the first byte must be '{'");
  let doc: PolicyDocument;
  try {
    doc = parsePolicy(text);
  } catch (err) {
    if (!(err instanceof AwsServiceError)) throw err;
    const message = err.message === 'This policy contains invalid Json' ? "Policies must be valid JSON and the first byte must be '{'" : err.message;
    throw s3Errors.malformedPolicy(message);
  }
  const form = awsPrincipalForm(bucket.partition);
  for (const s of doc.Statement) {
    checkPrincipal(s, form, principalExists);
    checkActionsApply(s, bucket, resourcesOf(bucket, s));
  }
  return doc;
}
