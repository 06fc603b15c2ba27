import { FixtureError, planFixture } from './plan';
import type { FixtureSpec } from './spec';

const web = { clients: { web: { authFlows: ['USER_PASSWORD_AUTH' as const] } } };
const trustsPool = { identityPools: ['ip'], amr: 'authenticated' as const };

describe('planFixture: what a fixture declares, checked before anything is created', () => {
  it('orders resources by kind, each after what it names, and adds the caller identity IAM resources need', () => {
    const plan = planFixture({
      roles: { admin: { trust: trustsPool } },
      userPools: { main: { ...web, groups: { admins: { role: 'admin' } }, users: { ana: { groups: ['admins'] } } } },
      identityPools: { ip: { providers: [{ userPool: 'main', client: 'web' }], roles: { authenticated: 'admin' } } },
    });
    expect(plan.map((d) => `${d.kind}:${d.key}`)).toEqual([
      'user-pool:main',
      'app-client:main/web',
      'identity-pool:ip',
      'caller:caller',
      'iam-role:admin',
      'group:main/admins',
      'user:main/ana',
      'identity-pool-roles:ip',
    ]);
    expect(plan.find((d) => d.key === 'admin')?.needs).toEqual([
      { kind: 'caller', key: 'caller' },
      { kind: 'identity-pool', key: 'ip' },
    ]);
  });

  it('reads what a trust document names, a user sub included', () => {
    const plan = planFixture({
      userPools: { main: { ...web, users: { ana: {} } } },
      oidcProviders: { p: { userPool: 'main', clients: ['web'] } },
      roles: { r: { trust: { document: (t) => ({ Version: '2012-10-17', Statement: [{ Principal: { Federated: t.oidcProvider('p').arn }, sub: t.userSub('main', 'ana') }] }) } } },
    });
    expect(plan.find((d) => d.key === 'r')?.needs).toEqual([
      { kind: 'caller', key: 'caller' },
      { kind: 'oidc-provider', key: 'p' },
      { kind: 'user', key: 'main/ana' },
    ]);
  });

  it('needs no caller identity for a user-pool-only fixture', () => {
    expect(planFixture({ userPools: { main: web } }).map((d) => d.kind)).toEqual(['user-pool', 'app-client']);
  });

  it.each<[string, FixtureSpec, string]>([
    ['a group naming an undeclared role', { userPools: { main: { ...web, groups: { g: { role: 'ghost' } } } } }, "group 'main/g' names role 'ghost', which the fixture does not declare. Declared roles: none."],
    [
      'a role mapping naming an undeclared user pool',
      { userPools: { main: web }, identityPools: { ip: { roleMappings: [{ userPool: 'other', client: 'web', type: 'Token', ambiguous: 'Deny' }] } } },
      "roles of identity pool 'ip' names user pool 'other', which the fixture does not declare. Declared user pools: main.",
    ],
    ['a user in an undeclared group', { userPools: { main: { ...web, users: { ana: { groups: ['admins'] } } } } }, "user 'main/ana' names group 'main/admins', which the fixture does not declare."],
    [
      'an OIDC provider naming an undeclared client',
      { userPools: { main: web }, oidcProviders: { p: { userPool: 'main', clients: ['mobile'] } } },
      "OIDC provider 'p' names app client 'main/mobile', which the fixture does not declare. Declared app clients: main/web.",
    ],
    ['a role trusting an undeclared identity pool', { roles: { r: { trust: trustsPool } } }, "role 'r' names identity pool 'ip', which the fixture does not declare."],
    [
      'roles whose trusts name each other',
      {
        roles: {
          a: { trust: { document: (t) => ({ Version: '2012-10-17', Statement: [{ Principal: { AWS: t.roleArn('b') } }] }) } },
          b: { trust: { document: (t) => ({ Version: '2012-10-17', Statement: [{ Principal: { AWS: t.roleArn('a') } }] }) } },
        },
      },
      "role 'a' → role 'b' → role 'a': these name each other in a circle, so none of them can be created first.",
    ],
  ])('refuses %s with a FixtureError naming both ends', (_what, spec, message) => {
    expect(() => planFixture(spec)).toThrow(FixtureError);
    expect(() => planFixture(spec)).toThrow(message);
  });

  it('says which trust document failed when reading it throws', () => {
    const spec: FixtureSpec = { roles: { r: { trust: { document: () => { throw new Error('boom'); } } } } };
    expect(() => planFixture(spec)).toThrow("Could not read what the fixture's roles name: boom");
  });
});
