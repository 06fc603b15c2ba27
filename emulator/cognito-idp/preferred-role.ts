import type { MutantName } from '../mutants';

/** What role selection needs to know about one of the user's groups. */
export interface GroupRoleInput {
  groupName: string;
  roleArn?: string;
  /** Undefined when the group was created without a precedence. */
  precedence?: number;
}

/** The role claims of an ID token. */
export interface RoleClaims {
  /** `cognito:roles`: the distinct role ARNs of the user's groups; empty means the claim is left out. */
  roles: string[];
  /** `cognito:preferred_role`, when one role wins. */
  preferredRole?: string;
}

/**
 * Pick `cognito:roles` and `cognito:preferred_role` from the user's groups,
 * following aws-contract.md §1 [doc: UP-API CreateGroup Precedence; CG "Using
 * role-based access control"]:
 * - the group with the lowest precedence number wins; 0 is the highest
 *   precedence and an unset precedence loses to any number;
 * - groups tied for the best precedence with the same role → that role;
 *   tied with different roles → no preferred role;
 * - only one role among all the groups → it is the preferred role;
 * - `cognito:roles` holds every role, and is set when there is at least one.
 *
 * Groups without a RoleArn: undocumented. AWS does not say whether a role-less
 * group with the best precedence hides the roles of lower-precedence groups.
 * Here they are ignored for both claims, as if the user were not in them; a
 * contract case records what AWS really does.
 *
 * Two distinct groups naming the same role give one entry in `cognito:roles`
 * (undocumented; AWS documents the claim as the set of the groups' roles).
 *
 * Mutants (emulator/mutants.ts) deliberately break the rules:
 * `precedence-reversed` makes the highest number win; `tie-picks-first`
 * gives a tie between different roles to the first tied group in `groups` order.
 */
export function selectRoles(groups: readonly GroupRoleInput[], mutants: ReadonlySet<MutantName> = new Set()): RoleClaims {
  const withRole = groups.filter((g): g is GroupRoleInput & { roleArn: string } => Boolean(g.roleArn));
  const roles = [...new Set(withRole.map((g) => g.roleArn))];
  if (roles.length <= 1) return { roles, preferredRole: roles[0] };

  const numbered = withRole.filter((g) => g.precedence !== undefined).map((g) => g.precedence!);
  let tied: (GroupRoleInput & { roleArn: string })[];
  if (numbered.length === 0) {
    tied = withRole; // all unset: nobody outranks anybody
  } else {
    const best = mutants.has('precedence-reversed') ? Math.max(...numbered) : Math.min(...numbered);
    tied = withRole.filter((g) => g.precedence === best);
  }

  const tiedRoles = new Set(tied.map((g) => g.roleArn));
  if (tiedRoles.size === 1) return { roles, preferredRole: tied[0].roleArn };
  if (mutants.has('tie-picks-first')) return { roles, preferredRole: tied[0].roleArn };
  return { roles };
}
