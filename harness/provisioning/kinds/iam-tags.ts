import type { Tag } from '@aws-sdk/client-iam';

/** IAM takes tags as a list of Key/Value pairs (IAM-API Tag). */
export function iamTags(tags: Record<string, string>): Tag[] {
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}

/** IAM's tag list as a map. */
export function tagsOf(tags: Tag[] | undefined): Record<string, string> {
  return Object.fromEntries((tags ?? []).flatMap((t) => (t.Key !== undefined ? [[t.Key, t.Value ?? '']] : [])));
}
