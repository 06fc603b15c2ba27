import { UsageError } from '../errors';

/** `--shard K/N`: the K-th of N shares of the selected suites, K from 1. */
export interface ShardSpec {
  index: number;
  count: number;
}

/**
 * What a shard's report.json records (`shard`), so merge-reports can check
 * that its inputs are the shards of one run: which share this was, the suites
 * it ran, and the whole selection it was cut from. Weights are estimated SDK
 * calls (contract/shard-suites.ts says how).
 */
export interface ShardRecord extends ShardSpec {
  /** This shard's suites, in run order. */
  suites: string[];
  /** This shard's weight: the sum of its suites'. */
  weight: number;
  /** The selection before sharding: every suite in run order, its case count and total weight. */
  selection: { suites: string[]; cases: number; weight: number };
}

const SHAPE = /^\s*(\d+)\s*\/\s*(\d+)\s*$/;

function choices(count: number): string {
  if (count <= 5) return Array.from({ length: count }, (_, i) => `${i + 1}/${count}`).join(', ');
  return `1/${count} … ${count}/${count}`;
}

/** Parse `K/N`; anything else, or K outside 1..N, is one usage error (exit 2) saying what is expected. */
export function parseShard(text: string): ShardSpec {
  const m = SHAPE.exec(text);
  if (!m) {
    throw new UsageError(`--shard ${JSON.stringify(text)} is not K/N. Expected: two whole numbers with 1 ≤ K ≤ N, e.g. --shard 2/3 for the second of three shards.`);
  }
  const [index, count] = [Number(m[1]), Number(m[2])];
  if (count < 1) throw new UsageError(`--shard ${text}: N must be 1 or more (the number of shards). Expected: e.g. --shard 1/3.`);
  if (index < 1 || index > count) throw new UsageError(`--shard ${text}: K must be from 1 to N (${count}). Expected one of: ${choices(count)}.`);
  return { index, count };
}

/** A ShardSpec given as text or as numbers, checked the same way. */
export function toShardSpec(shard: string | ShardSpec): ShardSpec {
  return typeof shard === 'string' ? parseShard(shard) : parseShard(`${shard.index}/${shard.count}`);
}

/** Code-point order: localeCompare would let the machine's locale decide ties. */
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Split weighted items (suites) into `count` shares: every item in exactly
 * one, the same shares whatever order the items come in and on any machine.
 * Longest-processing-time-first greedy: heaviest first (ties by name), each
 * to the lightest share so far (ties to the lowest index). Graham (1969)
 * bounds the heaviest share by mean + (1 − 1/count) × the heaviest item.
 * Each share lists its items in the order they were given (run order).
 */
export function assignShards(items: readonly { name: string; weight: number }[], count: number): string[][] {
  const names = new Set(items.map((i) => i.name));
  if (names.size !== items.length) throw new Error(`assignShards: item names must be unique (${items.map((i) => i.name).join(', ')})`);
  const order = [...items].sort((a, b) => b.weight - a.weight || byName(a.name, b.name));
  const loads: number[] = Array(count).fill(0);
  const shareOf = new Map<string, number>();
  for (const item of order) {
    let lightest = 0;
    for (let i = 1; i < count; i++) if (loads[i] < loads[lightest]) lightest = i;
    loads[lightest] += item.weight;
    shareOf.set(item.name, lightest);
  }
  return loads.map((_, i) => items.filter((item) => shareOf.get(item.name) === i).map((item) => item.name));
}
