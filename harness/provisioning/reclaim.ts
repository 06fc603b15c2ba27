import type { Clients } from '../clients/factory';
import { isGone } from './kinds/gone';
import { resourceKind } from './registry';
import type { LedgeredKind, Listed } from './resource-kind';

/**
 * What became of one resource sweep or teardown went after, each said only
 * once the target was asked: `deleted` (it was there, and is no longer),
 * `already gone` (it was not there: never created, or deleted before),
 * `still present` (it is there after the delete), `could not read` (the
 * target would not say). A dry run says `would delete` instead of deleting.
 */
export type ReclaimStatus = 'deleted' | 'already gone' | 'still present' | 'could not read' | 'would delete';

/** A resource to reclaim: a ledger entry, or one found by prefix or tag. */
export interface ReclaimTarget {
  kind: string;
  name: string;
  /** The id the target gave it, when known; otherwise it is found by its exact name. */
  id?: string;
}

export interface Reclaimed extends ReclaimTarget {
  status: ReclaimStatus;
  /** The ids found under the name (more than one when a retried create made two). */
  ids: string[];
  /** Why, for `still present` and `could not read`. */
  detail?: string;
}

/** How long to keep asking whether a deleted resource is gone: IAM answers from eventually consistent reads. */
export interface ConfirmPolicy {
  delaysMs: readonly number[];
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_CONFIRM: ConfirmPolicy = { delaysMs: [0, 500, 1000, 2000, 4000] };

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function why(err: unknown): string {
  return `${(err as Error)?.name ?? 'Error'}: ${(err as Error)?.message ?? String(err)}`;
}

/**
 * What the target holds of each kind, listed once and kept for a batch: the
 * way to find a resource whose create was cut off before its id came back.
 */
export class Inventory {
  private readonly lists = new Map<string, Promise<Listed[]>>();
  constructor(private readonly clients: Clients) {}

  list(kind: string, ledgered: LedgeredKind): Promise<Listed[]> {
    let listed = this.lists.get(kind);
    if (!listed) {
      listed = ledgered.list(this.clients);
      listed.catch(() => this.lists.delete(kind)); // a failed listing is asked again next time
      this.lists.set(kind, listed);
    }
    return listed;
  }
}

async function exists(clients: Clients, ledgered: LedgeredKind, found: Listed): Promise<boolean> {
  try {
    await ledgered.describe(clients, found);
    return true;
  } catch (err) {
    if (isGone(err)) return false;
    throw err;
  }
}

/**
 * Find a resource by its id and by its exact name. Kinds whose id is their
 * name (roles) or known before the create (providers) are found by id; pools
 * get their ids from the target, so a pool whose create answer was lost — or
 * that a retried create made twice — is found by name.
 */
async function locate(clients: Clients, inventory: Inventory, ledgered: LedgeredKind, item: ReclaimTarget, askFirst: boolean): Promise<string[]> {
  const ids = new Set<string>();
  if (item.id && (!askFirst || (await exists(clients, ledgered, { name: item.name, id: item.id })))) ids.add(item.id);
  if (!item.id || item.id !== item.name) {
    for (const listed of await inventory.list(item.kind, ledgered)) if (listed.name === item.name && listed.id) ids.add(listed.id);
  }
  return [...ids];
}

/**
 * Reclaim one resource: find it, delete it, then ask the target again until it
 * says the resource is gone (or the confirm policy runs out). The status is
 * what the target said, never what the harness assumed.
 */
export async function reclaim(
  clients: Clients,
  item: ReclaimTarget,
  options: { inventory?: Inventory; dryRun?: boolean; confirm?: ConfirmPolicy } = {},
): Promise<Reclaimed> {
  const ledgered = resourceKind(item.kind)?.ledgered;
  if (!ledgered) {
    return { ...item, ids: [], status: 'could not read', detail: `no registered resource kind '${item.kind}' can find or delete it (harness/provisioning/registry.ts)` };
  }
  let ids: string[];
  try {
    // A known id is deleted without asking first: the delete itself answers "not there" when it
    // is gone (what `already gone` then rests on, after the confirm below). A dry run deletes
    // nothing, so it must ask.
    ids = await locate(clients, options.inventory ?? new Inventory(clients), ledgered, item, options.dryRun === true);
  } catch (err) {
    return { ...item, ids: [], status: 'could not read', detail: why(err) };
  }
  if (ids.length === 0) return { ...item, ids, status: 'already gone' };
  if (options.dryRun) return { ...item, ids, status: 'would delete' };

  const deleteErrors: string[] = [];
  const absent = new Set<string>();
  for (const id of ids) {
    try {
      if ((await ledgered.delete(clients, { name: item.name, id })) === false) absent.add(id);
    } catch (err) {
      deleteErrors.push(why(err));
    }
  }
  const confirm = options.confirm ?? DEFAULT_CONFIRM;
  const sleep = confirm.sleep ?? defaultSleep;
  let present = ids;
  for (const delay of deleteErrors.length > 0 ? [0] : confirm.delaysMs) {
    if (delay > 0) await sleep(delay);
    try {
      const still: string[] = [];
      for (const id of present) if (await exists(clients, ledgered, { name: item.name, id })) still.push(id);
      present = still;
    } catch (err) {
      return { ...item, ids, status: 'could not read', detail: `deleted, then could not confirm: ${why(err)}` };
    }
    if (present.length === 0) {
      // Every id the target said was not there when deleted: nothing was found to delete.
      const found = ids.filter((id) => !absent.has(id));
      return found.length === 0 ? { ...item, ids: found, status: 'already gone' } : { ...item, ids: found, status: 'deleted' };
    }
  }
  const detail = deleteErrors.length > 0 ? `the delete was refused: ${deleteErrors.join('; ')}` : `the target still lists ${present.join(', ')} after the delete`;
  return { ...item, ids, status: 'still present', detail };
}
