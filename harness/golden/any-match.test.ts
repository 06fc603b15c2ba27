import { anyMatch } from './any-match';

describe('anyMatch: one probe for a list of patterns', () => {
  it('is true when any pattern matches anywhere, false when none does', () => {
    const probe = anyMatch([/\bAKIA[A-Z0-9]{16}\b/g, /\d{4}-\d{2}-\d{2}/g]);
    expect(['key AKIAZXCVBNMLKJHGFDSA here', 'on 2026-12-02', 'RoleArn', 'AKIA too short', ''].map(probe)).toEqual([true, true, false, false, false]);
  });

  it('gives the same answer however often it is asked: the g flag of the patterns leaves no state behind', () => {
    const probe = anyMatch([/x\d/g]);
    expect([probe('ax1'), probe('ax1'), probe('bx2'), probe('x')]).toEqual([true, true, true, false]);
  });

  it('never misses a match of a case-insensitive or multi-line pattern beside plain ones', () => {
    const probe = anyMatch([/^token$/im, /\d{3}/]);
    expect(['first\nTOKEN\nlast', '12', '123'].map(probe)).toEqual([true, false, true]);
  });

  it('tests a pattern with a numbered back-reference, a named group or the u flag on its own', () => {
    const probe = anyMatch([/(a)x/, /(b)\1/, /(?<year>\d{4})-\k<year>/, /\p{Lu}{2}/u]);
    expect(['ax', 'bb', '2026-2026', 'ÉÉ', 'b', '2026-2027', 'éé'].map(probe)).toEqual([true, true, true, true, false, false, false]);
  });

  it('is false for every text when there are no patterns', () => {
    expect(anyMatch([])('anything')).toBe(false);
  });
});
