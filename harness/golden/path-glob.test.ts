import { pathGlob, pathOrBelow } from './path-glob';

describe('finding-path globs', () => {
  it('match * across any characters, the rest literally', () => {
    const glob = pathGlob('GetId#*.output.*');
    expect(['GetId#1.output.IdentityId', 'GetId#12.output.a.b[0]', 'GetId#1.output.', 'GetId#1.input.x', 'XGetId#1.output.a', 'GetIdX1.output.a'].map((p) => glob.test(p))).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('take . [ ] ( ) + $ ^ | { } and \\ literally', () => {
    const glob = pathGlob('a.b[0](x)+$^|{1}\\');
    expect([glob.test('a.b[0](x)+$^|{1}\\'), glob.test('aXb[0](x)+$^|{1}\\'), glob.test('a.b0(x)+$^|{1}\\')]).toEqual([true, false, false]);
  });

  it('answer the same on every test, asked again and again with the same glob', () => {
    const answers = [1, 2, 3].map(() => [pathGlob('X#*.output').test('X#1.output'), pathGlob('X#*.output').test('X#1.input')]);
    expect(answers).toEqual([
      [true, false],
      [true, false],
      [true, false],
    ]);
  });

  it('pathOrBelow takes the path and what is under it, not a longer name', () => {
    const below = pathOrBelow('X#*.output.groups');
    expect(['X#1.output.groups', 'X#1.output.groups[0]', 'X#1.output.groups.name', 'X#1.output.groupsX', 'X#1.output.group'].map((p) => below.test(p))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});
