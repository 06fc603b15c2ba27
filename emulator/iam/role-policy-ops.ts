import type { RequestContext } from '../service';
import { parseIdentityPolicy } from '../policy/evaluate';
import { POLICY_DOCUMENT, POLICY_NAME, str } from './role-input';
import { requireRole } from './role-ops';
import { checkInlinePoliciesSize } from './policy-size';
import { noSuchRolePolicy } from './iam-errors';
import { encodePolicyDocument } from './role-shape';
import { byName, paginate, readPageRequest } from './pagination';
import type { Role } from './state';

type Input = Record<string, unknown>;

/** The stored name of an inline policy; names are not distinguished by case (IAM-API CreateRole, RoleName). */
function storedPolicyName(role: Role, name: string): string | undefined {
  if (role.inlinePolicies.has(name)) return name;
  const lower = name.toLowerCase();
  return [...role.inlinePolicies.keys()].find((k) => k.toLowerCase() === lower);
}

/** IAM-API PutRolePolicy: adds or replaces an inline permission policy. */
export function putRolePolicy(input: Input, ctx: RequestContext) {
  const policyName = str(input, 'PolicyName');
  const document = str(input, 'PolicyDocument');
  const role = requireRole(ctx, input, (v) =>
    v.string(policyName, 'policyName', POLICY_NAME).string(document, 'policyDocument', POLICY_DOCUMENT),
  );
  parseIdentityPolicy(document!);
  const existing = storedPolicyName(role, policyName!);
  const others = [...role.inlinePolicies].filter(([name]) => name !== existing).map(([, doc]) => doc);
  checkInlinePoliciesSize(role.roleName, [...others, document!]);
  if (existing !== undefined) role.inlinePolicies.delete(existing);
  role.inlinePolicies.set(policyName!, document!);
  return undefined;
}

function requireRolePolicy(input: Input, ctx: RequestContext): { role: Role; name: string } {
  const policyName = str(input, 'PolicyName');
  const role = requireRole(ctx, input, (v) => v.string(policyName, 'policyName', POLICY_NAME));
  const name = storedPolicyName(role, policyName!);
  if (name === undefined) throw noSuchRolePolicy(policyName!);
  return { role, name };
}

/** IAM-API GetRolePolicy: the document comes back URL-encoded. */
export function getRolePolicy(input: Input, ctx: RequestContext) {
  const { role, name } = requireRolePolicy(input, ctx);
  return { RoleName: role.roleName, PolicyName: name, PolicyDocument: encodePolicyDocument(role.inlinePolicies.get(name)!) };
}

/** IAM-API DeleteRolePolicy. */
export function deleteRolePolicy(input: Input, ctx: RequestContext) {
  const { role, name } = requireRolePolicy(input, ctx);
  role.inlinePolicies.delete(name);
  return undefined;
}

/** IAM-API ListRolePolicies: the inline policy names, in name order. */
export function listRolePolicies(input: Input, ctx: RequestContext) {
  let page = {};
  const role = requireRole(ctx, input, (v) => {
    page = readPageRequest(input, v);
  });
  const names = [...role.inlinePolicies.keys()].sort(byName);
  const { items, IsTruncated, Marker } = paginate(names, page);
  return { PolicyNames: items, IsTruncated, Marker };
}
