import { invalidParameter } from './identity-errors';

/**
 * One page of `items` after the position `nextToken` names. Tokens are opaque
 * to callers: here the base64 of the next item's key. A token that names no
 * item is refused [wording undocumented].
 */
export function paginate<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  maxResults: number,
  nextToken: string | undefined,
): { page: T[]; nextToken?: string } {
  let start = 0;
  if (nextToken !== undefined) {
    const key = Buffer.from(nextToken, 'base64url').toString('utf8');
    start = items.findIndex((item) => keyOf(item) === key);
    if (start < 0) throw invalidParameter(`Invalid NextToken: ${nextToken}. Expected a NextToken from a previous answer.`);
  }
  const page = items.slice(start, start + maxResults);
  const next = items[start + maxResults];
  return next === undefined ? { page } : { page, nextToken: Buffer.from(keyOf(next), 'utf8').toString('base64url') };
}
