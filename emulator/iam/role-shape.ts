import type { Role } from './state';
import { boundaryShape } from './boundary';

/**
 * IAM returns policy documents URL-encoded (aws-contract.md §4); the SDKs hand
 * the text back as is and callers decode it with decodeURIComponent.
 */
export function encodePolicyDocument(json: string): string {
  return encodeURIComponent(json);
}

/**
 * The `Role` structure of the IAM API reference, in its member order. ListRoles
 * leaves out Tags, PermissionsBoundary and RoleLastUsed (IAM-API ListRoles);
 * CreateRole answers the tags it was given; GetRole adds RoleLastUsed.
 */
export function roleShape(role: Role, detail: 'get' | 'create' | 'list'): Record<string, unknown> {
  const shape: Record<string, unknown> = {
    Path: role.path,
    RoleName: role.roleName,
    RoleId: role.roleId,
    Arn: role.arn,
    CreateDate: role.createDate,
    AssumeRolePolicyDocument: encodePolicyDocument(role.assumeRolePolicyDocument),
    Description: role.description,
    MaxSessionDuration: role.maxSessionDuration,
    PermissionsBoundary: detail === 'list' ? undefined : boundaryShape(role.permissionsBoundary),
  };
  if (detail !== 'list' && role.tags.length > 0) shape.Tags = role.tags.map((t) => ({ Key: t.Key, Value: t.Value }));
  // A role never used has an empty RoleLastUsed structure.
  if (detail === 'get') shape.RoleLastUsed = {};
  return shape;
}
