import { UsageError } from '../errors';
import { defineSuite } from './suite';

const cite = [{ kind: 'doc' as const, ref: 'test' }];
const c = (id: string) => ({ id, title: id, citations: cite, run: async () => {} });

describe('defineSuite', () => {
  it('refuses a fixture naming an undeclared resource before anything exists, naming the suite (exit code 2)', () => {
    const define = () =>
      defineSuite({
        name: 'demo',
        title: 'demo',
        services: ['cognito-idp'],
        fixture: { userPools: { main: { clients: {}, groups: { admins: { role: 'admin' } } } } },
        cases: [c('demo/a')],
      });
    expect(define).toThrow("The fixture of suite demo: group 'main/admins' names role 'admin', which the fixture does not declare.");
    expect(define).toThrow(UsageError);
  });

  it('refuses a malformed or repeated case id, and a case without citations', () => {
    const suite = (cases: ReturnType<typeof c>[]) => () => defineSuite({ name: 'demo', title: '', services: [], fixture: {}, cases });
    expect(suite([c('Demo/A')])).toThrow("Case id 'Demo/A' in suite demo is not of the form family/behaviour");
    expect(suite([c('demo/a'), c('demo/a')])).toThrow("Case id 'demo/a' appears twice in suite demo.");
    expect(suite([{ ...c('demo/a'), citations: [] }])).toThrow('Case demo/a has no citation.');
  });

  it('refuses a conflict citation without both quotes or the reading it asserts, and an inferred one without a ref', () => {
    const side = { ref: 'CI-API GetOpenIdTokenForDeveloperIdentity', quote: 'valid for a maximum of one hour' };
    const other = { ref: 'CG "Identity pools authentication flow"', quote: 'a custom role session duration' };
    const conflict = { kind: 'conflict' as const, ref: 'basic-flow credentials above one hour', sides: [side, other] as const, asserts: 'the CG reading: STS allows up to MaxSessionDuration' };
    const withCitation = (citation: unknown) => () =>
      defineSuite({ name: 'demo', title: '', services: [], fixture: {}, cases: [{ ...c('demo/a'), citations: [citation as (typeof cite)[number]] }] });
    expect(withCitation(conflict)).not.toThrow();
    expect(withCitation({ ...conflict, asserts: ' ' })).toThrow(/Case demo\/a has a malformed conflict citation 'basic-flow credentials above one hour': asserts: /);
    expect(withCitation({ ...conflict, sides: [side, { ...other, quote: '' }] })).toThrow(/sides\.1\.quote/);
    expect(withCitation({ ...conflict, sides: [side] })).toThrow(UsageError);
    expect(withCitation({ kind: 'inferred', ref: '' })).toThrow(/malformed inferred citation '': ref/);
    expect(withCitation({ kind: 'guess', ref: 'x' })).toThrow(UsageError);
    expect(withCitation({ kind: 'doc', ref: 'IAM-UG', url: 'docs.aws.amazon.com' })).toThrow(/url: an https:\/\/ URL/);
  });

  it('refuses a golden rule without a stated reason', () => {
    const withRule = (reason: string) => () =>
      defineSuite({ name: 'demo', title: '', services: [], fixture: {}, cases: [{ ...c('demo/a'), golden: { sort: [{ path: 'GetId#*.output.x', reason }] } }] });
    expect(withRule('')).toThrow("Case demo/a asks its golden to sort 'GetId#*.output.x' without a reason.");
    expect(withRule('AWS documents no order for x')).not.toThrow();
  });

  it('returns a well-formed suite as it is', () => {
    const s = { name: 'demo', title: '', services: [], fixture: { userPools: { main: { clients: {} } } }, cases: [c('demo/a')] };
    expect(defineSuite(s)).toBe(s);
  });
});
