import type { Clients } from '../../clients/factory';
import { resourceKinds } from '../../provisioning/registry';

export interface Leftover {
  kind: string;
  name: string;
}

/**
 * Resources of earlier runs still on the target, found through each resource
 * kind's own list and describe (the registry's contract, as sweep finds them
 * by prefix): named `idchain-…`, or for kinds IAM names otherwise tagged
 * `idchain:run`, and past their `idchain:expires` or older than
 * `olderThanMs`. Read-only; a resource that cannot be read is left out.
 */
export async function findLeftovers(clients: Clients, now: Date, olderThanMs: number): Promise<Leftover[]> {
  const found: Leftover[] = [];
  for (const kind of resourceKinds()) {
    const ledgered = kind.ledgered;
    if (!ledgered) continue;
    for (const listed of await ledgered.list(clients)) {
      const named = listed.name.startsWith('idchain-');
      if (!named && !ledgered.namedByTag) continue;
      const described = await ledgered.describe(clients, listed).catch(() => undefined);
      if (!described || (!named && !described.tags['idchain:run'])) continue;
      const expires = Date.parse(described.tags['idchain:expires'] ?? '');
      const created = described.createdAt ?? listed.createdAt;
      const old = (!Number.isNaN(expires) && expires <= now.getTime()) || (created !== undefined && now.getTime() - created.getTime() >= olderThanMs);
      if (old) found.push({ kind: kind.kind, name: listed.name || listed.id });
    }
  }
  return found;
}
