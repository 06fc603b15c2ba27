import type { MutantName } from '../mutants';
import { selectRoles, type GroupRoleInput } from './preferred-role';

const ADMIN = 'arn:aws:iam::123456789012:role/admin';
const EDITOR = 'arn:aws:iam::123456789012:role/editor';
const READER = 'arn:aws:iam::123456789012:role/reader';

function g(groupName: string, roleArn: string | undefined, precedence?: number): GroupRoleInput {
  return { groupName, roleArn, precedence };
}

// Every expectation below is a rule of aws-contract.md §1 ("cognito:preferred_role").
describe('selectRoles: cognito:preferred_role and cognito:roles (aws-contract.md §1)', () => {
  const cases: { rule: string; groups: GroupRoleInput[]; preferred: string | undefined; roles: string[] }[] = [
    { rule: 'no groups → no role claims', groups: [], preferred: undefined, roles: [] },
    { rule: 'lower precedence number wins', groups: [g('editors', EDITOR, 5), g('admins', ADMIN, 1)], preferred: ADMIN, roles: [EDITOR, ADMIN] },
    { rule: '0 is the highest precedence', groups: [g('admins', ADMIN, 0), g('editors', EDITOR, 1)], preferred: ADMIN, roles: [ADMIN, EDITOR] },
    {
      rule: 'an unset precedence loses to any number (even a large one)',
      groups: [g('unset', ADMIN), g('big', EDITOR, 2147483647)],
      preferred: EDITOR,
      roles: [ADMIN, EDITOR],
    },
    {
      rule: 'equal precedence with the same role → that role',
      groups: [g('a', ADMIN, 3), g('b', ADMIN, 3), g('c', EDITOR, 9)],
      preferred: ADMIN,
      roles: [ADMIN, EDITOR],
    },
    {
      rule: 'equal best precedence with different roles → no preferred role',
      groups: [g('a', ADMIN, 3), g('b', EDITOR, 3), g('c', READER, 9)],
      preferred: undefined,
      roles: [ADMIN, EDITOR, READER],
    },
    {
      rule: 'a tie below the best precedence does not matter',
      groups: [g('a', ADMIN, 1), g('b', EDITOR, 3), g('c', READER, 3)],
      preferred: ADMIN,
      roles: [ADMIN, EDITOR, READER],
    },
    {
      rule: 'all precedences unset with different roles → a tie → no preferred role',
      groups: [g('a', ADMIN), g('b', EDITOR)],
      preferred: undefined,
      roles: [ADMIN, EDITOR],
    },
    { rule: 'a single role among the groups → it (precedence unset)', groups: [g('a', ADMIN)], preferred: ADMIN, roles: [ADMIN] },
    {
      rule: 'a single role shared by groups of different precedence → it, listed once',
      groups: [g('a', ADMIN, 4), g('b', ADMIN)],
      preferred: ADMIN,
      roles: [ADMIN],
    },
    {
      rule: 'undocumented: groups without a RoleArn are ignored (only one role remains → it)',
      groups: [g('no-role', undefined, 0), g('readers', READER, 7)],
      preferred: READER,
      roles: [READER],
    },
    {
      rule: 'undocumented: a role-less group with the best precedence does not break a tie below it',
      groups: [g('no-role', undefined, 0), g('a', ADMIN, 2), g('b', EDITOR, 2)],
      preferred: undefined,
      roles: [ADMIN, EDITOR],
    },
    { rule: 'only role-less groups → no role claims', groups: [g('a', undefined, 1), g('b', undefined)], preferred: undefined, roles: [] },
  ];

  it.each(cases)('$rule', ({ groups, preferred, roles }) => {
    const claims = selectRoles(groups);
    expect(claims.preferredRole).toBe(preferred);
    expect(claims.roles).toEqual(roles);
  });

  it('does not depend on the order the groups are given in', () => {
    const groups = [g('c', READER, 9), g('b', EDITOR, 5), g('a', ADMIN, 1)];
    expect(selectRoles(groups).preferredRole).toBe(ADMIN);
    expect(selectRoles([...groups].reverse()).preferredRole).toBe(ADMIN);
  });
});

describe('selectRoles mutants (emulator/mutants.ts)', () => {
  const mutants = (...names: MutantName[]) => new Set<MutantName>(names);

  it("'precedence-reversed' lets the highest number win", () => {
    const groups = [g('admins', ADMIN, 0), g('editors', EDITOR, 10)];
    expect(selectRoles(groups).preferredRole).toBe(ADMIN);
    expect(selectRoles(groups, mutants('precedence-reversed')).preferredRole).toBe(EDITOR);
  });

  it("'tie-picks-first' gives a tie between different roles to the first tied group", () => {
    const groups = [g('b', EDITOR, 3), g('a', ADMIN, 3)];
    expect(selectRoles(groups).preferredRole).toBeUndefined();
    expect(selectRoles(groups, mutants('tie-picks-first')).preferredRole).toBe(EDITOR);
  });

  it('mutants that are not about roles change nothing', () => {
    const groups = [g('b', EDITOR, 3), g('a', ADMIN, 3)];
    expect(selectRoles(groups, mutants('credential-lifetime-2h', 'trust-policy-ignored')).preferredRole).toBeUndefined();
  });
});
