import type { Violations } from './validation';

/**
 * A list of strings from an awsQuery form (`Name.member.N`), or undefined when
 * absent. An empty list arrives as `Name=` (an empty string) and reads as [].
 * Entries that are not strings (nested structures) are dropped.
 */
export function strList(input: Record<string, unknown>, name: string): string[] | undefined {
  const raw = input[name];
  if (raw === undefined) return undefined;
  if (raw === '') return [];
  if (!Array.isArray(raw)) return [];
  return raw.filter((v): v is string => typeof v === 'string');
}

/**
 * Length constraints on the members of a string list, reported the way AWS's
 * request validation reports list members: the whole list, then the member
 * constraint in brackets, e.g. "Value '[abc]' at 'thumbprintList' failed to
 * satisfy constraint: Member must satisfy constraint: [Member must have length
 * less than or equal to 40, Member must have length greater than or equal to
 * 40]" [obs: the same form in ACM's and Lambda's validation messages, e.g.
 * "Value '[ccc]' at 'subjectAlternativeNames' failed to satisfy constraint:
 * Member must satisfy constraint: [Member must have length less than or equal
 * to 253, …]"; IAM's own wording for these members is not on record].
 */
export function checkListMembers(
  violations: Violations,
  values: readonly string[] | undefined,
  member: string,
  length: { min: number; max: number },
): Violations {
  if (!values) return violations;
  const bad = values.some((v) => [...v].length < length.min || [...v].length > length.max);
  if (!bad) return violations;
  return violations.add(
    `[${values.join(', ')}]`,
    member,
    `Member must satisfy constraint: [Member must have length less than or equal to ${length.max}, Member must have length greater than or equal to ${length.min}]`,
  );
}
