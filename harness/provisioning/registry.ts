import type { ResourceKind } from './resource-kind';
import { appClientKind } from './kinds/app-client';
import { bucketKind } from './kinds/bucket';
import { callerIdentityKind } from './kinds/caller';
import { groupKind } from './kinds/group';
import { iamUserKind } from './kinds/iam-user';
import { identityPoolKind } from './kinds/identity-pool';
import { identityPoolPrincipalTagsKind } from './kinds/identity-pool-principal-tags';
import { identityPoolRolesKind } from './kinds/identity-pool-roles';
import { oidcProviderKind } from './kinds/oidc-provider';
import { roleKind } from './kinds/role';
import { samlProviderKind } from './kinds/saml-provider';
import { userKind } from './kinds/user';
import { userPoolKind } from './kinds/user-pool';

/**
 * Every kind of resource a fixture can declare: one module each, one line
 * here. The order is the order to create in when nothing says otherwise (a
 * resource waits for whatever it names), and sweep deletes in its reverse.
 */
export const RESOURCE_KINDS = [
  userPoolKind,
  appClientKind,
  identityPoolKind,
  callerIdentityKind,
  iamUserKind,
  oidcProviderKind,
  samlProviderKind,
  roleKind,
  groupKind,
  userKind,
  identityPoolRolesKind,
  identityPoolPrincipalTagsKind,
  bucketKind,
] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyResourceKind = ResourceKind<any, any, any>;

const BY_NAME = new Map<string, AnyResourceKind>(RESOURCE_KINDS.map((k) => [k.kind, k]));

/** The kind registered under `name` (`iam-role`, `user-pool`, …), or undefined. */
export function resourceKind(name: string): AnyResourceKind | undefined {
  return BY_NAME.get(name);
}

/** All kinds, in creation order. */
export function resourceKinds(): readonly AnyResourceKind[] {
  return RESOURCE_KINDS;
}
