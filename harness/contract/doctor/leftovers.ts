import type { Clients } from '../../clients/factory';
import { scanByPrefix } from '../../provisioning/prefix-scan';

export interface Leftover {
  kind: string;
  name: string;
}

export interface Leftovers {
  found: Leftover[];
  /** What could be idchain's but could not be listed or read, with why. */
  unreadable: (Leftover & { detail: string })[];
}

/**
 * Resources of earlier runs still on the target, found exactly as `sweep`
 * finds them by prefix (provisioning/prefix-scan.ts, through each resource
 * kind's own list and describe): named `idchain-…`, or for kinds IAM names
 * otherwise tagged `idchain:run`, and past their `idchain:expires` or older
 * than `olderThanMs`. Read-only.
 */
export async function findLeftovers(clients: Clients, now: Date, olderThanMs: number): Promise<Leftovers> {
  const { found, unreadable } = await scanByPrefix(clients, { now, olderThanMs });
  return {
    found: found.map((f) => ({ kind: f.kind, name: f.name })),
    unreadable: unreadable.map((u) => ({ kind: u.kind, name: u.name, detail: u.detail ?? u.status })),
  };
}
