import { invalidParameter } from './idp-errors';

const PREFIX = 'idchain:';

/**
 * Page through a list with an opaque token (the index of the next item).
 * A token this emulator did not hand out is refused; the wording is
 * undocumented.
 */
export function paginate<T>(items: readonly T[], limit: number, token: string | undefined): { page: T[]; next?: string } {
  let start = 0;
  if (token !== undefined) {
    const text = Buffer.from(token, 'base64url').toString('utf8');
    start = Number(text.slice(PREFIX.length));
    if (!text.startsWith(PREFIX) || !Number.isInteger(start) || start < 0) {
      throw invalidParameter('Invalid pagination token.');
    }
  }
  const page = items.slice(start, start + limit);
  const nextIndex = start + page.length;
  return { page, next: nextIndex < items.length ? Buffer.from(`${PREFIX}${nextIndex}`).toString('base64url') : undefined };
}
