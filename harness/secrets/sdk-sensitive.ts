/**
 * Which fields of a step hold a secret, taken from the AWS SDK's own models:
 * every command's context carries `inputFilterSensitiveLog` and
 * `outputFilterSensitiveLog`, which replace the members its Smithy schema
 * marks `@sensitive` with this marker. The recorder compares a value with its
 * filtered copy and keeps the paths that changed.
 */
export const SDK_SENSITIVE_MARKER = '***SensitiveInformation***';

/** Paths (`input.AuthParameters`, `output.Credentials.SecretKey`) where `filtered` hides what `raw` holds. */
export function sensitivePaths(raw: unknown, filtered: unknown, path: string): string[] {
  if (filtered === SDK_SENSITIVE_MARKER && raw !== SDK_SENSITIVE_MARKER && raw !== undefined && raw !== null) return [path];
  if (!raw || !filtered || typeof raw !== 'object' || typeof filtered !== 'object') return [];
  if (Array.isArray(raw) && Array.isArray(filtered)) return raw.flatMap((v, i) => sensitivePaths(v, filtered[i], `${path}[${i}]`));
  return Object.keys(filtered).flatMap((k) => sensitivePaths((raw as Record<string, unknown>)[k], (filtered as Record<string, unknown>)[k], `${path}.${k}`));
}

/**
 * Members the models mark sensitive because they name a person or an app,
 * not because they let anyone in: goldens keep them, normalized like any
 * other value (a client id as `<client:main/web>`, a username as it is, a
 * user attribute's value such as its `sub` as `<uuid:n>`).
 */
const IDENTIFYING_MEMBERS = new Set(['ClientId', 'Username', 'Value']);

/** In a sensitive map of sign-in parameters (AuthParameters, ChallengeResponses), the entry that names the user. */
const IDENTIFYING_ENTRIES = new Set(['USERNAME']);

/**
 * Maps of provider tokens (Logins): a user pool's ID token is a JWT, stored
 * decoded without its signature; a developer provider's value is the
 * developer's user id, an identifier.
 */
const TOKEN_MAPS = new Set(['Logins']);

/**
 * Credentials the models leave unmarked: STS's and Cognito Identity's
 * `SessionToken` carries no `@sensitive` trait, yet with the key id and
 * secret it signs as the session.
 */
const UNMARKED_SECRETS = new Set(['SessionToken']);

export type Secrecy =
  /** Replace the value whole. */
  | 'secret'
  /** A map: judge each entry with `entrySecrecy`. */
  | 'entries'
  /** Keep it (normalized). */
  | 'kept';

/** What to do with the value under `key`, at a path the SDK marked sensitive or not. */
export function secrecyOf(key: string, sdkSensitive: boolean, value: unknown): Secrecy {
  if (UNMARKED_SECRETS.has(key)) return 'secret';
  if (!sdkSensitive || IDENTIFYING_MEMBERS.has(key)) return 'kept';
  if (value && typeof value === 'object' && !Array.isArray(value)) return TOKEN_MAPS.has(key) ? 'kept' : 'entries';
  return 'secret';
}

/** An entry of a sensitive sign-in parameter map: the username is kept, every other parameter (PASSWORD, SECRET_HASH, REFRESH_TOKEN, …) is a secret. */
export function entryIsSecret(entry: string): boolean {
  return !IDENTIFYING_ENTRIES.has(entry);
}
