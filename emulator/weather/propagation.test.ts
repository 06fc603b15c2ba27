import { createIamState, roleByName, type IamState, type OidcProvider, type Role } from '../iam/state';
import { Propagation } from './propagation';

const ACCOUNT = '123456789012';

function role(name: string, trust = 'v1'): Role {
  return {
    roleName: name,
    roleId: `AROA${name.toUpperCase()}`,
    arn: `arn:aws:iam::${ACCOUNT}:role/${name}`,
    path: '/',
    assumeRolePolicyDocument: trust,
    trustPolicy: { Statement: [] },
    maxSessionDuration: 3600,
    createDate: new Date(0),
    tags: [],
    inlinePolicies: new Map(),
  };
}

/** A propagation over a fresh IAM state whose changes each take the next delay of `delays` (ms). */
function world(delays: number[], ordered = true) {
  const iam: IamState = createIamState();
  let now = 0;
  let stale = 0;
  const queue = [...delays];
  const view = new Propagation({ iam, now: () => now, ordered, delayMs: () => queue.shift() ?? 0, noteStale: () => stale++ });
  /** Run an IAM write the way weather.ts does: recorded before and after. */
  const write = (change: () => void) => {
    view.beforeWrite();
    change();
    view.afterWrite();
  };
  return { iam, view, write, at: (ms: number) => (now = ms), stale: () => stale };
}

const arn = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;

describe('IAM changes reach the data plane after their delay; IAM sees them at once', () => {
  test('a new role: absent until its delay has passed, while IAM itself finds it', () => {
    const w = world([5000]);
    w.write(() => w.iam.roles.set('fresh', role('fresh')));
    expect(roleByName(w.iam, 'fresh')?.arn).toBe(arn('fresh')); // what GetRole reads
    expect(w.view.roleByArn(arn('fresh'))).toBeUndefined();
    expect(w.view.pending()).toBe(1);
    w.at(4999);
    expect(w.view.roleByArn(arn('fresh'))).toBeUndefined();
    w.at(5000);
    expect(w.view.roleByArn(arn('fresh'))?.roleId).toBe('AROAFRESH');
    expect(w.view.pending()).toBe(0);
  });

  test('an updated trust policy: the old one is seen until the new one propagates', () => {
    const w = world([0, 3000]);
    w.write(() => w.iam.roles.set('r', role('r', 'old trust')));
    w.write(() => {
      w.iam.roles.get('r')!.assumeRolePolicyDocument = 'new trust'; // UpdateAssumeRolePolicy changes the role in place
    });
    expect(w.view.roleByArn(arn('r'))?.assumeRolePolicyDocument).toBe('old trust');
    w.at(3000);
    expect(w.view.roleByArn(arn('r'))?.assumeRolePolicyDocument).toBe('new trust');
  });

  test('an inline policy put in place and a deletion propagate too', () => {
    const w = world([0, 1000, 1000]);
    w.write(() => w.iam.roles.set('r', role('r')));
    w.write(() => w.iam.roles.get('r')!.inlinePolicies.set('p', '{"Statement":[]}'));
    expect(w.view.roleByArn(arn('r'))?.inlinePolicies.size).toBe(0);
    w.at(1000);
    expect(w.view.roleByArn(arn('r'))?.inlinePolicies.get('p')).toBe('{"Statement":[]}');
    w.write(() => w.iam.roles.delete('r'));
    expect(roleByName(w.iam, 'r')).toBeUndefined();
    // A deleted role can still be assumed for a while [obs: revocation takes ~3-4 s, research §3b].
    expect(w.view.roleByArn(arn('r'))).toBeDefined();
    w.at(2000);
    expect(w.view.roleByArn(arn('r'))).toBeUndefined();
  });

  test('OIDC and SAML providers propagate like roles', () => {
    const w = world([2000, 2000]);
    const provider: OidcProvider = { arn: `arn:aws:iam::${ACCOUNT}:oidc-provider/issuer.example`, url: 'issuer.example', clientIds: ['a'], thumbprints: [], createDate: new Date(0), tags: [] };
    w.write(() => w.iam.oidcProviders.set(provider.arn, provider));
    expect(w.view.oidcProviderByUrl('issuer.example')).toBeUndefined();
    w.at(2000);
    expect(w.view.oidcProviderByUrl('issuer.example')?.clientIds).toEqual(['a']);
    w.write(() => w.iam.oidcProviders.get(provider.arn)!.clientIds.push('b'));
    expect(w.view.oidcProviderByUrl('issuer.example')?.clientIds).toEqual(['a']);
    w.at(4000);
    expect(w.view.oidcProviderByUrl('issuer.example')?.clientIds).toEqual(['a', 'b']);
  });

  test('ordered: a change never shows before one made earlier (one replication stream)', () => {
    const w = world([9000, 1000]);
    w.write(() => w.iam.roles.set('first', role('first')));
    w.write(() => w.iam.roles.set('second', role('second')));
    w.at(8999);
    expect(w.view.roleByArn(arn('second'))).toBeUndefined();
    w.at(9000);
    expect(w.view.roleByArn(arn('first'))).toBeDefined();
    expect(w.view.roleByArn(arn('second'))).toBeDefined();
  });

  test('unordered: each change after its own delay', () => {
    const w = world([9000, 1000], false);
    w.write(() => w.iam.roles.set('first', role('first')));
    w.write(() => w.iam.roles.set('second', role('second')));
    w.at(1000);
    expect(w.view.roleByArn(arn('second'))).toBeDefined();
    expect(w.view.roleByArn(arn('first'))).toBeUndefined();
  });

  test('a lookup that touches a propagating entity is noted; one that does not, is not', () => {
    const w = world([0, 5000]);
    w.write(() => w.iam.roles.set('settled', role('settled')));
    w.write(() => w.iam.roles.set('fresh', role('fresh')));
    expect(w.view.roleByArn(arn('settled'))).toBeDefined();
    expect(w.stale()).toBe(0);
    expect(w.view.roleByArn(arn('fresh'))).toBeUndefined();
    expect(w.stale()).toBe(1);
  });

  test('state put in place before the first IAM write counts as already visible', () => {
    const w = world([5000]);
    w.iam.roles.set('seeded', role('seeded'));
    w.write(() => w.iam.roles.set('fresh', role('fresh')));
    expect(w.view.roleByArn(arn('seeded'))).toBeDefined();
    expect(w.view.roleByArn(arn('fresh'))).toBeUndefined();
  });
});
