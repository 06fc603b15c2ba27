import fc from 'fast-check';
import { UsageError } from '../errors';
import { assignShards, parseShard } from './shard';

describe('parseShard (--shard K/N)', () => {
  it('reads K/N, spaces around the slash allowed', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
    expect(parseShard(' 3 / 3 ')).toEqual({ index: 3, count: 3 });
  });

  it.each([
    ['0/3', '--shard 0/3: K must be from 1 to N (3). Expected one of: 1/3, 2/3, 3/3.'],
    ['4/3', '--shard 4/3: K must be from 1 to N (3). Expected one of: 1/3, 2/3, 3/3.'],
    ['7/6', '--shard 7/6: K must be from 1 to N (6). Expected one of: 1/6 … 6/6.'],
    ['1/0', '--shard 1/0: N must be 1 or more (the number of shards). Expected: e.g. --shard 1/3.'],
    ['a/b', '--shard "a/b" is not K/N. Expected: two whole numbers with 1 ≤ K ≤ N, e.g. --shard 2/3 for the second of three shards.'],
    ['3', '--shard "3" is not K/N. Expected: two whole numbers with 1 ≤ K ≤ N, e.g. --shard 2/3 for the second of three shards.'],
    ['-1/3', '--shard "-1/3" is not K/N. Expected: two whole numbers with 1 ≤ K ≤ N, e.g. --shard 2/3 for the second of three shards.'],
    ['1.5/3', '--shard "1.5/3" is not K/N. Expected: two whole numbers with 1 ≤ K ≤ N, e.g. --shard 2/3 for the second of three shards.'],
  ])('refuses %s as bad usage (exit 2) with one message', (text, message) => {
    let thrown: unknown;
    try {
      parseShard(text);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    expect((thrown as UsageError).exitCode).toBe(2);
    expect((thrown as Error).message).toBe(message);
  });
});

describe('assignShards (longest first, each to the lightest share)', () => {
  it('splits a worked example as by hand', () => {
    // Heaviest first: a5→#1, b4→#2, c3→#2 (4<5), d3→#1 (5<7), e3→#2 (7<8): loads 8 and 10.
    const items = [
      { name: 'e', weight: 3 },
      { name: 'a', weight: 5 },
      { name: 'c', weight: 3 },
      { name: 'b', weight: 4 },
      { name: 'd', weight: 3 },
    ];
    // Each share keeps the order the items were given in.
    expect(assignShards(items, 2)).toEqual([['a', 'd'], ['e', 'c', 'b']]);
  });

  it('leaves shares empty when there are more shares than items', () => {
    expect(assignShards([{ name: 'only', weight: 7 }], 3)).toEqual([['only'], [], []]);
  });

  it('refuses two items of one name (a suite would run twice or not at all)', () => {
    expect(() => assignShards([{ name: 'x', weight: 1 }, { name: 'x', weight: 2 }], 2)).toThrow(/item names must be unique/);
  });

  const items = fc.uniqueArray(fc.record({ name: fc.string({ minLength: 1, maxLength: 8 }), weight: fc.integer({ min: 0, max: 500 }) }), {
    selector: (i) => i.name,
    maxLength: 30,
  });
  const count = fc.integer({ min: 1, max: 5 });

  it('puts every item in exactly one share, for N = 1..5', () => {
    fc.assert(
      fc.property(items, count, (list, n) => {
        const shares = assignShards(list, n);
        expect(shares).toHaveLength(n);
        expect(shares.flat().sort()).toEqual(list.map((i) => i.name).sort());
      }),
    );
  });

  it("keeps the heaviest share within Graham's bound: mean + (1 − 1/N) × heaviest item", () => {
    fc.assert(
      fc.property(items, count, (list, n) => {
        const weight = new Map(list.map((i) => [i.name, i.weight]));
        const loads = assignShards(list, n).map((s) => s.reduce((sum, name) => sum + weight.get(name)!, 0));
        const total = list.reduce((sum, i) => sum + i.weight, 0);
        const heaviest = Math.max(0, ...list.map((i) => i.weight));
        expect(Math.max(...loads)).toBeLessThanOrEqual(total / n + (1 - 1 / n) * heaviest + 1e-9);
      }),
    );
  });

  it('gives the same shares whatever order the items are discovered in', () => {
    fc.assert(
      fc.property(
        items.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }))),
        count,
        ([list, shuffled], n) => {
          const asSets = (shares: string[][]) => shares.map((s) => [...s].sort());
          expect(asSets(assignShards(shuffled, n))).toEqual(asSets(assignShards(list, n)));
        },
      ),
    );
  });
});
