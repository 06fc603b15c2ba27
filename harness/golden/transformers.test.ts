import type { RecordedStep } from '../clients/recorder';
import { sortPaths } from './case-transformers';
import { defaultTransformers, normalizeCase, normalizeSteps } from './normalize';
import { ReferenceTable } from './references';
import { fixtureNames, region, replaceEvery, timestampsInText, volatilePatterns } from './text-transformers';
import { composeText, memoizeText, walker } from './transformer';
import { volatileKeys } from './value-transformers';
import { VOLATILE_KEYS } from './references';

const step = (output: unknown): RecordedStep => ({ service: 'cognito-idp', operation: 'AdminListGroupsForUser', input: {}, output, sentAt: 0, durationMs: 1 });

describe('normalization as a list of transformers', () => {
  it('reads as the recipe, in the order it is applied', () => {
    const { values, text } = defaultTransformers({ names: [], region: 'us-east-1' });
    expect(values.map((t) => t.name)).toEqual([
      'dates → <timestamp>',
      'URL-encoded policy documents → { decodedPolicyDocument }',
      'JWTs → <jwt:n> with decoded header, claims and lifetime',
      'secrets the SDK models mark sensitive → <redacted:field>',
      'volatile keys → <kind:n>',
    ]);
    expect(text.map((t) => t.name)).toEqual([
      'fixture values → <logical name>, accounts → <account>',
      'volatile values by shape → <kind:n>',
      'timestamps in text → <timestamp>',
      "the Region's identity-pool issuer host, principal and Logins key → <cognito-identity>",
      'region → <region>',
    ]);
  });

  it("turns the Region's identity-pool names into <cognito-identity>, so one golden serves every Region", () => {
    // What each Region's emulator answers (emulator/region.ts; targets/region.ts gives the sources).
    const answers: Record<string, { iss: string; provider: string; login: string }> = {
      'us-east-1': { iss: 'https://cognito-identity.amazonaws.com', provider: 'cognito-identity.amazonaws.com', login: 'cognito-identity.amazonaws.com' },
      'eu-south-1': { iss: 'https://cognito-identity.eu-south-1.amazonaws.com', provider: 'cognito-identity.eu-south-1.amazonaws.com', login: 'cognito-identity.eu-south-1.amazonaws.com' },
      'us-gov-west-1': { iss: 'https://cognito-identity.us-gov-west-1.amazonaws.com', provider: 'cognito-identity-us-gov.amazonaws.com', login: 'cognito-identity.us-gov-west-1.amazonaws.com' },
      'cn-north-1': { iss: 'https://cognito-identity.cn-north-1.amazonaws.com.cn', provider: 'cognito-identity.amazonaws.com.cn', login: 'cognito-identity.cn-north-1.amazonaws.com.cn' },
    };
    for (const [name, a] of Object.entries(answers)) {
      const text = composeText(defaultTransformers({ names: [], region: name }).text);
      expect([text(a.iss), text(a.provider), text(`${a.login}:amr`), text(`cognito-idp.${name}.amazonaws.com/x`)]).toEqual([
        'https://<cognito-identity>',
        '<cognito-identity>',
        '<cognito-identity>:amr',
        'cognito-idp.<region>.amazonaws.com/x',
      ]);
    }
    // A name that is not one of the Region's is left as it is.
    expect(composeText(defaultTransformers({ names: [], region: 'eu-south-1' }).text)('cognito-identity.amazonaws.com')).toBe('cognito-identity.amazonaws.com');
  });

  it('composes: text transformers apply in order, and a walk rewrites keys and unclaimed strings with them', () => {
    const refs = new ReferenceTable();
    const text = composeText([fixtureNames([{ logical: 'user-pool:main', value: 'eu-west-1_Abc123' }]), volatilePatterns([{ kind: 'uuid', pattern: /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g }], refs), region('eu-west-1')]);
    const walk = walker([], text);
    expect(walk({ 'cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Abc123': 'sub 0b7e8d40-1c2d-4e5f-8a9b-0c1d2e3f4a5b', n: 3 })).toEqual({
      'cognito-idp.<region>.amazonaws.com/<user-pool:main>': 'sub <uuid:1>',
      n: 3,
    });
  });
});

describe("a case's own rules", () => {
  const groups = step({ Groups: [{ GroupName: 'zeta' }, { GroupName: 'alpha' }] });

  it('sort keeps the array at a path sorted after normalization, and leaves every other array as recorded', () => {
    const sort = sortPaths([{ path: 'AdminListGroupsForUser#*.output.Groups', reason: 'AWS documents no order for the groups' }]);
    expect(sort.name).toBe('sort AdminListGroupsForUser#*.output.Groups (AWS documents no order for the groups)');
    const [sorted] = normalizeSteps([groups], { names: [], region: 'us-east-1' }, [sort]);
    expect(sorted.output).toEqual({ Groups: [{ GroupName: 'alpha' }, { GroupName: 'zeta' }] });
    const [other] = normalizeSteps([step({ Users: ['zeta', 'alpha'] })], { names: [], region: 'us-east-1' }, [sort]);
    expect(other.output).toEqual({ Users: ['zeta', 'alpha'] });
  });

  it('sort orders by the items’ normalized JSON as the locale compares it, objects by all their keys', () => {
    const sort = sortPaths([{ path: '*.output.*', reason: 'AWS documents no order for these lists' }]);
    const [out] = normalizeSteps([step({ Names: ['b', 'B', 'a', 'A'], Groups: [{ n: 'x', p: 2 }, { n: 'x', p: 1 }, { n: 'W' }] })], { names: [], region: 'us-east-1' }, [sort]);
    expect(out.output).toEqual({ Groups: [{ n: 'W' }, { n: 'x', p: 1 }, { n: 'x', p: 2 }], Names: ['a', 'A', 'b', 'B'] });
  });

  it('normalizeCase applies the sort rules a case declares', () => {
    const rules = { sort: [{ path: '*.output.Groups', reason: 'AWS documents no order for the groups' }] };
    expect(normalizeCase({ steps: [groups], fixtureNames: [], golden: rules }, 'us-east-1')[0].output).toEqual({ Groups: [{ GroupName: 'alpha' }, { GroupName: 'zeta' }] });
    expect(normalizeCase({ steps: [groups], fixtureNames: [] }, 'us-east-1')[0].output).toEqual({ Groups: [{ GroupName: 'zeta' }, { GroupName: 'alpha' }] });
  });
});

describe('text transformers, made cheap', () => {
  const UUID = { kind: 'uuid', pattern: /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g };
  const A = '0b7e8d40-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
  const B = '11111111-2222-4333-8444-555555555555';

  it('replaceEvery replaces every occurrence as split and join do: $ in the replacement is kept, overlaps go left to right', () => {
    expect([replaceEvery('a-b-a', 'a', '$&'), replaceEvery('aaa', 'aa', 'b'), replaceEvery('abc', 'z', 'y')]).toEqual(['$&-b-$&', 'ba', 'abc']);
  });

  it('a memoized text gives what the text gives, refers to a value seen before by its number, and works each string out once', () => {
    const seen: string[] = [];
    const plain = composeText([volatilePatterns([UUID], new ReferenceTable())]);
    const text = memoizeText((s) => {
      seen.push(s);
      return plain(s);
    });
    expect([text(`id ${A}`), text(`id ${B}`), text(`id ${A}`), text(A), text('RoleArn'), text('RoleArn')]).toEqual(['id <uuid:1>', 'id <uuid:2>', 'id <uuid:1>', '<uuid:1>', 'RoleArn', 'RoleArn']);
    expect(seen).toEqual([`id ${A}`, `id ${B}`, A, 'RoleArn']);
  });

  it('volatile shapes and timestamps are all replaced in a string that holds several, and a string with none is left as it is', () => {
    const refs = new ReferenceTable();
    const text = composeText([volatilePatterns([{ kind: 'access-key-id', pattern: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g }, UUID], refs), timestampsInText([/\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/g])]);
    expect(text(`${A} ASIAQWERTYUIOPASDFGH at 2026-12-02T08:00:00Z, ${A}`)).toBe('<uuid:1> <access-key-id:1> at <timestamp>, <uuid:1>');
    expect(text('AccessKeyId 2026-12-02')).toBe('AccessKeyId 2026-12-02');
  });

  it('fixture values are replaced longest first, each in what the ones before it left', () => {
    const names = fixtureNames([
      { logical: 'role-name:admin', value: 'idchain-ab12-admin' },
      { logical: 'role:admin', value: 'arn:aws:iam::123456789012:role/idchain-ab12-admin' },
    ]);
    expect(names.apply('arn:aws:iam::123456789012:role/idchain-ab12-admin assumed by idchain-ab12-admin of 123456789012')).toBe('<role:admin> assumed by <role-name:admin> of <account>');
  });

  it('volatile keys are the listed ones only: a key named like a member every object inherits is not one', () => {
    const walk = walker([volatileKeys(VOLATILE_KEYS, new ReferenceTable(), () => false)], (s) => s);
    expect(walk({ constructor: 'c', toString: 't', sub: 'f81d4fae', IdentityId: 'x' })).toEqual({ IdentityId: '<identity-id:1>', constructor: 'c', sub: '<sub:1>', toString: 't' });
  });
});
