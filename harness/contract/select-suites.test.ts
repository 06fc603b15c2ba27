import { UsageError } from '../errors';
import type { SuiteDefinition } from '../runner/suite';
import { selectSuites } from './select-suites';

const c = (id: string) => ({ id, title: id, citations: [{ kind: 'doc' as const, ref: 'x' }], run: async () => {} });
const suites: SuiteDefinition[] = [
  { name: 'enhanced-flow', title: '', services: [], fixture: {}, cases: [c('enhanced/a'), c('enhanced/b')] },
  { name: 'basic-flow', title: '', services: [], fixture: {}, cases: [c('basic/a')] },
];

describe('selectSuites', () => {
  it('keeps everything without a glob', () => expect(selectSuites(suites, undefined)).toHaveLength(2));
  it('matches suite names', () => expect(selectSuites(suites, 'enh*').map((s) => s.name)).toEqual(['enhanced-flow']));
  it('matches case ids and keeps only those cases', () => {
    const picked = selectSuites(suites, 'enhanced/b');
    expect(picked.map((s) => [s.name, s.cases.map((x) => x.id)])).toEqual([['enhanced-flow', ['enhanced/b']]]);
  });
  it('accepts several globs', () => expect(selectSuites(suites, 'basic-flow, enhanced/a').map((s) => s.cases.length)).toEqual([1, 1]));
  it('refuses a glob that matches nothing, naming the suites', () => {
    expect(() => selectSuites(suites, 'nope')).toThrow(UsageError);
    expect(() => selectSuites(suites, 'nope')).toThrow(/enhanced-flow, basic-flow/);
  });
});
