import { Violations } from './validation';
import { MAX_TAGS, TAG_KEY, TAG_VALUE } from './role-input';
import { invalidInput, limitExceeded } from './iam-errors';

export interface Tag {
  Key: string;
  Value: string;
}

/** Read `Tags.member.N.Key/Value` as decoded from the form; entries stay as sent for validation. */
export function readTags(raw: unknown): { Key?: string; Value?: string }[] | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw)) return [];
  return raw.map((entry) => {
    const e = (entry ?? {}) as Record<string, unknown>;
    return {
      Key: typeof e.Key === 'string' ? e.Key : undefined,
      Value: typeof e.Value === 'string' ? e.Value : undefined,
    };
  });
}

/** Model constraints of each tag, reported as `tags.N.member.key` / `.value`. */
export function checkTags(violations: Violations, tags: { Key?: string; Value?: string }[] | undefined): Violations {
  tags?.forEach((tag, i) => {
    violations.string(tag.Key, `tags.${i + 1}.member.key`, TAG_KEY);
    violations.string(tag.Value, `tags.${i + 1}.member.value`, TAG_VALUE);
  });
  return violations;
}

/**
 * Tag keys are case-insensitive: the same key twice in one request is
 * `InvalidInput` "Duplicate tag keys found. Please note that Tag keys are case
 * insensitive." [obs: github-aws-runners/terraform-aws-github-runner#1346,
 * terraform-aws-modules/terraform-aws-rds-aurora#189].
 */
export function refuseDuplicateKeys(tags: Tag[]): void {
  const seen = new Set<string>();
  for (const tag of tags) {
    const key = tag.Key.toLowerCase();
    if (seen.has(key)) throw invalidInput('Duplicate tag keys found. Please note that Tag keys are case insensitive.');
    seen.add(key);
  }
}

/**
 * Merge `added` into `existing`: a key already present (in any case) takes the
 * new key and value. More than 50 tags on a role is `LimitExceeded` (IAM-API
 * TagRole). The message follows IAM's "Cannot exceed quota for <name>: <n>"
 * wording seen for other role quotas; the exact quota name is inferred.
 */
export function mergeTags(existing: Tag[], added: Tag[]): Tag[] {
  const merged = existing.map((t) => ({ ...t }));
  for (const tag of added) {
    const at = merged.findIndex((t) => t.Key.toLowerCase() === tag.Key.toLowerCase());
    if (at >= 0) merged[at] = { ...tag };
    else merged.push({ ...tag });
  }
  if (merged.length > MAX_TAGS) throw limitExceeded(`Cannot exceed quota for TagsPerRole: ${MAX_TAGS}`);
  return merged;
}
