import { randomBytes, randomUUID } from 'node:crypto';

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function randomFrom(alphabet: string, length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[bytes[i] % alphabet.length];
  return out;
}

/**
 * IAM unique ids of entities: a four-letter prefix naming the kind (AROA role,
 * AIDA user) and 17 more characters, 21 in all — IAM-UG "IAM identifiers",
 * § Unique IDs: "it assigns to each entity a unique ID that looks like the
 * following example: `AIDAJQABLZS4A3QDU576Q`"; real output agrees, an assumed
 * role's id `AROARK7LBOHXASFTNOIZG:example_session_name` [obs:
 * reumachoi/The-Big-IAM-Challenge-Solutions solution_6.md]. Both use the
 * upper-case base32 alphabet (A–Z, 2–7). Managed policies take ANPA (IAM-UG
 * "IAM identifiers", the table of unique ID prefixes).
 */
export function iamUniqueId(prefix: 'AROA' | 'AIDA' | 'ANPA'): string {
  return prefix + randomFrom(UPPER_ALNUM, 17);
}

/**
 * Access key ids are 20 characters, the prefix (ASIA temporary, AKIA long-term)
 * and 16 more: IAM-UG "Manage access keys" example `AKIAIOSFODNN7EXAMPLE`; real
 * temporary keys `ASIARK7LBOHXDFQ6KRE3` [obs: same transcripts].
 */
export function newAccessKeyId(prefix: 'ASIA' | 'AKIA'): string {
  return prefix + randomFrom(UPPER_ALNUM, 16);
}

/** A 40-character secret access key. */
export function secretAccessKey(): string {
  return randomBytes(30).toString('base64').replace(/[^A-Za-z0-9]/g, 'A').slice(0, 40).padEnd(40, 'x');
}

/** An opaque session token. */
export function sessionToken(): string {
  return 'IQoJidchain' + randomBytes(96).toString('base64');
}

/** User pool ids look like `us-east-1_AbC123xyZ`. */
export function userPoolId(region: string): string {
  return `${region}_${randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 9)}`;
}

/** App client ids are 26 lower-case alphanumerics. */
export function appClientId(): string {
  return randomFrom('abcdefghijklmnopqrstuvwxyz0123456789', 26);
}

/** Identity pool and identity ids are `<region>:<uuid>`. */
export function regionalUuid(region: string): string {
  return `${region}:${randomUUID()}`;
}

export function requestId(): string {
  return randomUUID();
}

export { randomUUID };
