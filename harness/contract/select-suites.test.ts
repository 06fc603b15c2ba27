import { UsageError } from '../errors';
import type { SuiteDefinition } from '../runner/suite';
import { selectSuites, splitGlobs } from './select-suites';

const c = (id: string) => ({ id, title: id, citations: [{ kind: 'doc' as const, ref: 'x' }], run: async () => {} });
const suites: SuiteDefinition[] = [
  { name: 'enhanced-flow', title: '', services: [], fixture: {}, cases: [c('enhanced/a'), c('enhanced/b'), c('enhanced/admin-role')] },
  { name: 'basic-flow', title: '', services: [], fixture: {}, cases: [c('basic/a')] },
];
const picked = (list: string | undefined) => selectSuites(suites, list).map((s) => [s.name, s.cases.map((x) => x.id)]);

describe('selectSuites (--suite, picomatch globs)', () => {
  it('keeps everything without a glob', () => expect(selectSuites(suites, undefined)).toHaveLength(2));
  it('matches suite names, keeping the suite whole', () => expect(picked('enh*')).toEqual([['enhanced-flow', ['enhanced/a', 'enhanced/b', 'enhanced/admin-role']]]));
  it('matches case ids and keeps only those cases', () => expect(picked('enhanced/b')).toEqual([['enhanced-flow', ['enhanced/b']]]));
  it("'*' does not cross '/': it names suites, never cases in them", () => {
    expect(picked('*')).toEqual(picked(undefined));
    // A regex-like '.*' would take e*a to enhanced/a.
    expect(() => selectSuites(suites, 'e*a')).toThrow(/--suite e\*a matches no suite or case/);
    expect(picked('*/a')).toEqual([['enhanced-flow', ['enhanced/a']], ['basic-flow', ['basic/a']]]);
    expect(picked('enhanced/ad*')).toEqual([['enhanced-flow', ['enhanced/admin-role']]]);
  });
  it('accepts several globs, and braces whose commas are not list separators', () => {
    expect(picked('basic-flow, enhanced/a')).toEqual([['enhanced-flow', ['enhanced/a']], ['basic-flow', ['basic/a']]]);
    expect(picked('enhanced/{a,b}')).toEqual([['enhanced-flow', ['enhanced/a', 'enhanced/b']]]);
    expect(splitGlobs('a,{b,c}/*, d ,')).toEqual(['a', '{b,c}/*', 'd']);
  });
  it('refuses any glob that matches nothing, naming it and the suites, even beside one that matches', () => {
    expect(() => selectSuites(suites, 'nope')).toThrow(UsageError);
    expect(() => selectSuites(suites, 'basic-flow,nope,enhanced/zz')).toThrow(
      "--suite nope, enhanced/zz matches no suite or case. Suites: enhanced-flow, basic-flow. Case ids look like enhanced/a; '*' does not cross '/' (use '**' or 'family/*').",
    );
    expect(() => selectSuites(suites, ' , ')).toThrow(/--suite is empty/);
  });
});
