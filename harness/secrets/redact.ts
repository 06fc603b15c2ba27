/**
 * Secrets never reach disk (DESIGN.md § The golden file). This redactor is
 * for what is not a recorded step — reports, the terminal, `flow --json` —
 * where no SDK model says what is sensitive: fields that hold a secret by
 * name are replaced whole; values that look like keys or JWTs are replaced
 * wherever they appear, even inside free text such as messages. Goldens take
 * their secret fields from the SDK's own models (sdk-sensitive.ts).
 */
const SECRET_FIELDS = new Set(
  [
    'SecretKey',
    'SecretAccessKey',
    'secretAccessKey',
    'SessionToken',
    'sessionToken',
    'Password',
    'password',
    'PASSWORD',
    'TemporaryPassword',
    'ProposedPassword',
    'NEW_PASSWORD',
    'PreviousPassword',
    'IdToken',
    'idToken',
    'AccessToken',
    'accessToken',
    'RefreshToken',
    'refreshToken',
    'REFRESH_TOKEN',
    'Token',
    'WebIdentityToken',
    'SAMLAssertion',
    'ClientSecret',
    'clientSecret',
    'SECRET_HASH',
    'Session',
  ].map((k) => k.toLowerCase()),
);

const ACCESS_KEY = /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g;
const JWT = /\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
// The SAML IdP's signing key lives in memory; should one ever reach a message, the whole PEM block goes.
const PRIVATE_KEY = /-----BEGIN (?:RSA |EC )?PRIVATE KEY-----[\s\S]*?-----END (?:RSA |EC )?PRIVATE KEY-----/g;

export function isSecretField(key: string): boolean {
  return SECRET_FIELDS.has(key.toLowerCase());
}

export function redactText(text: string): string {
  // Each shape starts with a literal; most strings of a report hold none, and `includes` says so without running an expression.
  let out = text;
  if (out.includes('-----BEGIN ')) out = out.replace(PRIVATE_KEY, '<redacted:private-key>');
  if (out.includes('eyJ')) out = out.replace(JWT, '<redacted:jwt>');
  if (out.includes('AKIA') || out.includes('ASIA')) out = out.replace(ACCESS_KEY, (k) => `<redacted:${k.startsWith('ASIA') ? 'temporary' : 'long-term'}-access-key-id>`);
  return out;
}

/** A deep copy with every secret replaced by a `<redacted:…>` marker. */
export function redact<T>(value: T): T {
  return walk(value, undefined) as T;
}

function walk(value: unknown, key: string | undefined): unknown {
  if (key !== undefined && isSecretField(key) && value !== undefined && value !== null) {
    // Logins maps carry tokens as values under provider-name keys; handled below by value pattern.
    return typeof value === 'object' ? walkObject(value, true) : `<redacted:${key}>`;
  }
  if (typeof value === 'string') return redactText(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => walk(v, undefined));
  if (value && typeof value === 'object') return walkObject(value, false);
  return value;
}

function walkObject(value: object, allSecret: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => (allSecret ? '<redacted>' : walk(v, undefined)));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = allSecret && typeof v !== 'object' ? '<redacted>' : walk(v, k);
  return out;
}
