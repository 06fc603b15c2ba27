import { parseIdentityPolicy } from '../policy/evaluate';
import type { PolicyDocument } from '../policy/types';
import type { Role } from './state';

/**
 * The inline permission policies of a role, parsed (they were validated when
 * put). A leaf of its own, so authorization (authz/) reads a role's policies
 * without importing IAM's operation handlers.
 */
export function rolePermissionPolicies(role: Role): PolicyDocument[] {
  return [...role.inlinePolicies.values()].map((doc) => parseIdentityPolicy(doc));
}
