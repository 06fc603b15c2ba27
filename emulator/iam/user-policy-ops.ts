import type { RequestContext } from '../service';
import { parseIdentityPolicy } from '../policy/evaluate';
import { POLICY_DOCUMENT, POLICY_NAME, str } from './role-input';
import { requireUser } from './user-ops';
import { limitExceeded } from './iam-errors';
import { noSuchUserPolicy } from './entity-errors';
import { encodePolicyDocument } from './role-shape';
import { policySize } from './policy-size';
import { byName, paginate, readPageRequest } from './pagination';
import type { IamUser } from './state';

type Input = Record<string, unknown>;

/** All inline policies of a user together, whitespace not counted [doc: IAM-UG "IAM and AWS STS quotas": 2,048 characters]. */
const USER_INLINE_POLICIES_MAX = 2048;

function policiesOf(user: IamUser): Map<string, string> {
  user.inlinePolicies ??= new Map();
  return user.inlinePolicies;
}

/** The stored name of an inline policy; names are not distinguished by case. */
function storedName(user: IamUser, name: string): string | undefined {
  const lower = name.toLowerCase();
  return [...policiesOf(user).keys()].find((k) => k.toLowerCase() === lower);
}

/**
 * IAM-API PutUserPolicy: adds or replaces an inline policy. Over 2,048
 * characters for the user's inline policies together is LimitExceeded
 * "Maximum policy size of 2048 bytes exceeded for user X" [obs:
 * ministryofjustice/cloud-platform-environments#5303].
 */
export function putUserPolicy(input: Input, ctx: RequestContext) {
  const policyName = str(input, 'PolicyName');
  const document = str(input, 'PolicyDocument');
  const user = requireUser(ctx, input, (v) => v.string(policyName, 'policyName', POLICY_NAME).string(document, 'policyDocument', POLICY_DOCUMENT));
  parseIdentityPolicy(document!);
  const policies = policiesOf(user);
  const existing = storedName(user, policyName!);
  const others = [...policies].filter(([name]) => name !== existing).map(([, doc]) => doc);
  const total = [...others, document!].reduce((sum, doc) => sum + policySize(doc), 0);
  if (total > USER_INLINE_POLICIES_MAX) throw limitExceeded(`Maximum policy size of ${USER_INLINE_POLICIES_MAX} bytes exceeded for user ${user.userName}`);
  if (existing !== undefined) policies.delete(existing);
  policies.set(policyName!, document!);
  return undefined;
}

function requireUserPolicy(input: Input, ctx: RequestContext): { user: IamUser; name: string } {
  const policyName = str(input, 'PolicyName');
  const user = requireUser(ctx, input, (v) => v.string(policyName, 'policyName', POLICY_NAME));
  const name = storedName(user, policyName!);
  if (name === undefined) throw noSuchUserPolicy(policyName!);
  return { user, name };
}

/** IAM-API GetUserPolicy: the document comes back URL-encoded. */
export function getUserPolicy(input: Input, ctx: RequestContext) {
  const { user, name } = requireUserPolicy(input, ctx);
  return { UserName: user.userName, PolicyName: name, PolicyDocument: encodePolicyDocument(policiesOf(user).get(name)!) };
}

/** IAM-API DeleteUserPolicy. */
export function deleteUserPolicy(input: Input, ctx: RequestContext) {
  const { user, name } = requireUserPolicy(input, ctx);
  policiesOf(user).delete(name);
  return undefined;
}

/** IAM-API ListUserPolicies: the inline policy names, in name order. */
export function listUserPolicies(input: Input, ctx: RequestContext) {
  let page = {};
  const user = requireUser(ctx, input, (v) => {
    page = readPageRequest(input, v);
  });
  const { items, IsTruncated, Marker } = paginate([...policiesOf(user).keys()].sort(byName), page);
  return { PolicyNames: items, IsTruncated, Marker };
}
