import type { Clients } from '../clients/factory';
import { RESOURCE_TTL_MS } from './names';
import { resourceKinds } from './registry';
import type { Reclaimed, ReclaimTarget } from './reclaim';

const PREFIX = 'idchain-';

/** A resource found on the target without a ledger: by its `idchain-` name, or by its `idchain:run` tag. */
export interface Found extends ReclaimTarget {
  runId?: string;
}

export interface ScanOptions {
  olderThanMs: number;
  now: Date;
  log?: (line: string) => void;
}

function runIdOf(name: string): string | undefined {
  return /^idchain-([0-9a-f]{8})-/.exec(name)?.[1];
}

/**
 * When a resource was made: its creation time where the target gives one,
 * else from its `idchain:expires` tag, which a run sets to creation + TTL
 * (ListIdentityPools and DescribeIdentityPool give no creation time, so an
 * identity pool is aged by its tag, not hidden until it expires).
 */
export function createdAt(created: Date | undefined, expires: string | undefined): Date | undefined {
  if (created) return created;
  if (expires && !Number.isNaN(Date.parse(expires))) return new Date(Date.parse(expires) - RESOURCE_TTL_MS);
  return undefined;
}

/** At least `olderThanMs` old, or past its `idchain:expires`; of unknown age only when any age will do. */
export function isOldEnough(now: Date, olderThanMs: number, created: Date | undefined, expires: string | undefined): boolean {
  if (expires && !Number.isNaN(Date.parse(expires)) && Date.parse(expires) <= now.getTime()) return true;
  const made = createdAt(created, expires);
  return made ? now.getTime() - made.getTime() >= olderThanMs : olderThanMs === 0;
}

/**
 * What each ledgered kind holds that is idchain's and old enough: named
 * `idchain-…` (or, for kinds IAM names otherwise, tagged `idchain:run`). A
 * resource that could be idchain's but cannot be read is returned as
 * `could not read`, never skipped in silence.
 */
export async function scanByPrefix(clients: Clients, o: ScanOptions): Promise<{ found: Found[]; unreadable: Reclaimed[] }> {
  const found: Found[] = [];
  const unreadable: Reclaimed[] = [];
  for (const kind of [...resourceKinds()].reverse()) {
    const ledgered = kind.ledgered;
    if (!ledgered) continue;
    let listed;
    try {
      listed = await ledgered.list(clients);
    } catch (err) {
      unreadable.push({ kind: kind.kind, name: `${PREFIX}*`, ids: [], status: 'could not read', detail: `could not list: ${(err as Error).name}: ${(err as Error).message}` });
      continue;
    }
    for (const one of listed) {
      const named = one.name.startsWith(PREFIX);
      if (!named && !ledgered.namedByTag) continue;
      let described;
      try {
        described = await ledgered.describe(clients, one);
      } catch (err) {
        if (named) unreadable.push({ kind: kind.kind, name: one.name, id: one.id, ids: [one.id], status: 'could not read', detail: `${(err as Error).name}: ${(err as Error).message}` });
        continue;
      }
      const runTag = described.tags['idchain:run'];
      if (!named && !runTag) continue;
      if (!isOldEnough(o.now, o.olderThanMs, described.createdAt ?? one.createdAt, described.tags['idchain:expires'])) continue;
      const name = named ? one.name : `${PREFIX}${runTag}-${ledgered.namedByTag!.suffix}`;
      found.push({ kind: kind.kind, name, id: one.id, runId: named ? runIdOf(one.name) : runTag });
    }
  }
  return { found, unreadable };
}
