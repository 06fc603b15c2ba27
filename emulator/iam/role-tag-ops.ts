import type { RequestContext } from '../service';
import { TAG_KEY } from './role-input';
import { requireRole } from './role-ops';
import { checkTags, mergeTags, readTags, refuseDuplicateKeys, type Tag } from './tags';
import { paginate, readPageRequest } from './pagination';

type Input = Record<string, unknown>;

/** IAM-API TagRole: adds tags, replacing the value of a key already present. */
export function tagRole(input: Input, ctx: RequestContext) {
  const rawTags = readTags(input.Tags);
  const role = requireRole(ctx, input, (v) => {
    if (rawTags === undefined) v.add(undefined, 'tags', 'Member must not be null');
    checkTags(v, rawTags);
  });
  const tags = rawTags as Tag[];
  refuseDuplicateKeys(tags);
  role.tags = mergeTags(role.tags, tags);
  return undefined;
}

/** IAM-API UntagRole: removes the given keys (case-insensitively); unknown keys are ignored. */
export function untagRole(input: Input, ctx: RequestContext) {
  const raw = input.TagKeys;
  const keys = Array.isArray(raw) ? raw.map((k) => (typeof k === 'string' ? k : undefined)) : undefined;
  const role = requireRole(ctx, input, (v) => {
    if (keys === undefined) v.add(undefined, 'tagKeys', 'Member must not be null');
    keys?.forEach((key, i) => v.string(key, `tagKeys.${i + 1}.member`, TAG_KEY));
  });
  const remove = new Set(keys!.map((k) => k!.toLowerCase()));
  role.tags = role.tags.filter((t) => !remove.has(t.Key.toLowerCase()));
  return undefined;
}

/** IAM-API ListRoleTags. */
export function listRoleTags(input: Input, ctx: RequestContext) {
  let page = {};
  const role = requireRole(ctx, input, (v) => {
    page = readPageRequest(input, v);
  });
  const { items, IsTruncated, Marker } = paginate(role.tags, page);
  return { Tags: items.map((t) => ({ Key: t.Key, Value: t.Value })), IsTruncated, Marker };
}
