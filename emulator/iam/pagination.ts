import { queryInt } from '../protocol/aws-query';
import { Violations } from './validation';
import { MARKER, MAX_ITEMS, str } from './role-input';

/** ListRoles and friends return 100 items by default (IAM-API ListRoles, MaxItems). */
const DEFAULT_MAX_ITEMS = 100;

export interface PageRequest {
  maxItems?: number;
  marker?: string;
}

/** Read and check `Marker` and `MaxItems`, adding violations to the request's list. */
export function readPageRequest(input: Record<string, unknown>, violations: Violations): PageRequest {
  const marker = str(input, 'Marker');
  const maxItems = queryInt(input, 'MaxItems', 'MaxItems');
  violations.string(marker, 'marker', MARKER);
  violations.integer(maxItems, 'maxItems', MAX_ITEMS);
  return { marker, maxItems };
}

/**
 * One page of `items` (already in list order). The marker is opaque to
 * callers; here it is the offset of the next item. A marker this emulator did
 * not issue starts from the beginning (AWS's answer to a forged marker is not
 * documented).
 */
export function paginate<T>(items: T[], page: PageRequest): { items: T[]; IsTruncated: boolean; Marker?: string } {
  const start = page.marker && /^idchain-\d+$/.test(page.marker) ? Number(page.marker.slice('idchain-'.length)) : 0;
  const size = page.maxItems ?? DEFAULT_MAX_ITEMS;
  const slice = items.slice(start, start + size);
  const next = start + slice.length;
  return next < items.length ? { items: slice, IsTruncated: true, Marker: `idchain-${next}` } : { items: slice, IsTruncated: false };
}

/** Name order for list answers: case-insensitive, then exact, independent of the host locale. */
export function byName(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x !== y) return x < y ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
