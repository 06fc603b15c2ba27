import { teardownOrder } from './teardown';

// Teardown is creation in reverse, as a graph: a resource goes once everything that names it is gone.
const r = (id: string, after: string[], ledgered: string[] = []) => ({ id, after, ledgered: ledgered.map((name) => ({ kind: id.split(':')[0], name })) });

it('deletes what names a resource before it, following names through what is deleted with its container', () => {
  const order = teardownOrder([
    r('caller:caller', []),
    r('user-pool:main', [], ['idchain-x-main']),
    r('app-client:main/web', ['user-pool:main']),
    r('identity-pool:ip', ['user-pool:main', 'app-client:main/web'], ['idchain-x-ip']),
    r('iam-role:backend', ['caller:caller'], ['idchain-x-backend']),
    // A trust naming a role and the identity pool.
    r('iam-role:reports', ['caller:caller', 'iam-role:backend', 'identity-pool:ip'], ['idchain-x-reports']),
    // Deleted with their containers, they ledger nothing: what they name is not held back by them.
    r('group:main/admin', ['user-pool:main', 'iam-role:reports']),
    r('identity-pool-roles:ip', ['identity-pool:ip', 'iam-role:reports']),
    r('oidc-provider:pool', ['user-pool:main', 'app-client:main/web', 'caller:caller'], ['idchain-x-oidc-pool']),
  ]);
  expect(Object.fromEntries(order.map((t) => [t.id, [...t.after].sort()]))).toEqual({
    'user-pool:main': ['identity-pool:ip', 'oidc-provider:pool'],
    'identity-pool:ip': ['iam-role:reports'],
    'iam-role:backend': ['iam-role:reports'],
    'iam-role:reports': [],
    'oidc-provider:pool': [],
  });
  expect(order.find((t) => t.id === 'iam-role:reports')!.entries).toEqual([{ kind: 'iam-role', name: 'idchain-x-reports' }]);
});
