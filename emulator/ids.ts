import { randomBytes, randomUUID } from 'node:crypto';

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function randomFrom(alphabet: string, length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[bytes[i] % alphabet.length];
  return out;
}

/**
 * IAM unique ids: a four-letter prefix naming the kind (AROA role, AIDA user,
 * ASIA temporary key, AKIA long-term key) and 16 more characters, as in
 * IAM-UG "IAM identifiers".
 */
export function iamUniqueId(prefix: 'AROA' | 'AIDA' | 'ASIA' | 'AKIA'): string {
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
