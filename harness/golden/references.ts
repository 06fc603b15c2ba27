/**
 * Numbered references for volatile values (`<identity-id:1>`, `<access-key-id:2>`):
 * the first distinct value of a kind seen gets 1, the next 2, and every later
 * occurrence of the same value, anywhere, gets the same reference. Numbering is
 * per kind, so a new value of one kind never renumbers another.
 */
export class ReferenceTable {
  private readonly byValue = new Map<string, string>();
  private readonly counters = new Map<string, number>();

  ref(kind: string, value: string): string {
    const existing = this.byValue.get(value);
    if (existing) return existing;
    const n = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, n);
    const reference = `<${kind}:${n}>`;
    this.byValue.set(value, reference);
    return reference;
  }

  has(value: string): boolean {
    return this.byValue.has(value);
  }
}

/**
 * Volatile values recognised by shape wherever they appear in a string, in order of precedence.
 * Access key ids are 20 characters; role and user unique ids 21 (IAM-UG "IAM identifiers":
 * `AIDAJQABLZS4A3QDU576Q`; real `AROARK7LBOHXASFTNOIZG:…` [obs]), and 20 is still matched
 * for targets that shorten them.
 */
export const VOLATILE_PATTERNS: { kind: string; pattern: RegExp }[] = [
  { kind: 'identity-id', pattern: /\b[a-z]{2}(?:-[a-z]+)+-\d:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g },
  { kind: 'access-key-id', pattern: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g },
  { kind: 'role-id', pattern: /\bAROA[A-Z0-9]{16,17}\b/g },
  { kind: 'user-id', pattern: /\bAIDA[A-Z0-9]{16,17}\b/g },
  { kind: 'user-pool-id', pattern: /\b[a-z]{2}(?:-[a-z]+)+-\d_[A-Za-z0-9]{6,}\b/g },
  { kind: 'uuid', pattern: /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g },
];

/**
 * Keys whose string value is volatile whatever its shape, with the reference
 * kind to use. Structured ids (`UserId` = `<RoleId>:<session>`) are left to the
 * patterns, so the stable part stays readable.
 */
export const VOLATILE_KEYS: Record<string, string> = {
  sub: 'sub',
  jti: 'jti',
  origin_jti: 'jti',
  event_id: 'event-id',
  kid: 'kid',
  IdentityId: 'identity-id',
  AccessKeyId: 'access-key-id',
  SubjectFromWebIdentityToken: 'subject',
  Session: 'session',
  // AssumeRoleWithSAML: a hash over the provider's name, which carries the run id (STS-API AssumeRoleWithSAML NameQualifier).
  NameQualifier: 'name-qualifier',
};

/** ISO-8601 instants inside free text (error messages that quote the time). */
export const TIMESTAMP_IN_TEXT = /\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?\b/g;

/**
 * Epoch seconds inside free text, as STS quotes them: "Token expired: current
 * date/time 1795337896 must be before the expiration date/time 1795337895".
 * Ten digits from 2017 to 2286; account ids (twelve digits) never match.
 */
export const EPOCH_SECONDS_IN_TEXT = /(?<![\d.])1[5-9]\d{8}(?![\d.])/g;
