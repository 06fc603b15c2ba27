import { decodeJwt, decodeProtectedHeader } from 'jose';
import { entryIsSecret, secrecyOf } from '../secrets/sdk-sensitive';
import type { ReferenceTable } from './references';
import type { ValueTransformer } from './transformer';

/** Dates (an Expiration, a CreateDate) are never stored raw: what matters is kept as derived facts. */
export const dates: ValueTransformer = {
  name: 'dates → <timestamp>',
  transform: ({ value }) => (value instanceof Date ? '<timestamp>' : undefined),
};

/** Fields IAM answers with a URL-encoded policy document (IAM-API GetRole: "URL-encoded compliant with RFC 3986"). */
const POLICY_DOCUMENT_KEYS = new Set(['AssumeRolePolicyDocument', 'PolicyDocument']);

function parsePolicyDocument(value: string): unknown {
  if (!value.startsWith('%7B')) return undefined; // not URL-encoded: as sent, left as text
  try {
    return JSON.parse(decodeURIComponent(value));
  } catch {
    return undefined;
  }
}

/** A URL-encoded policy document is stored as the document it encodes, so the names inside are normalized too. */
export const policyDocuments: ValueTransformer = {
  name: 'URL-encoded policy documents → { decodedPolicyDocument }',
  transform({ value, key }, walk) {
    if (typeof value !== 'string' || key === undefined || !POLICY_DOCUMENT_KEYS.has(key)) return undefined;
    const policy = parsePolicyDocument(value);
    return policy === undefined ? undefined : { decodedPolicyDocument: walk(policy) };
  },
};

const JWT = /^eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const JWT_TIME_CLAIMS = ['exp', 'iat', 'nbf', 'auth_time'];
/** Output fields that carry a token a later step may send back. */
const TOKEN_OUTPUT_KEYS = ['IdToken', 'AccessToken', 'Token', 'idToken'];

/**
 * A JWT is stored as `<jwt:n>` with its decoded header and claims and its
 * lifetime (`exp − iat`), never as the token. A token an answer hands out
 * always gets the next number, even when it equals an earlier one: two
 * tokens issued in the same second can be byte-identical, and the numbering
 * must not depend on the clock. A token sent back refers to the latest.
 */
export function jwts(): ValueTransformer {
  const refs = new Map<string, string>();
  let count = 0;
  return {
    name: 'JWTs → <jwt:n> with decoded header, claims and lifetime',
    transform({ value, key }, walk) {
      // Every string of a step comes by: `startsWith` turns nearly all away before the expression runs.
      if (typeof value !== 'string' || !value.startsWith('eyJ') || !JWT.test(value)) return undefined;
      const issued = key !== undefined && TOKEN_OUTPUT_KEYS.includes(key);
      if (refs.get(value) && !issued) return refs.get(value);
      const ref = `<jwt:${++count}>`;
      refs.set(value, ref);
      let header: Record<string, unknown>;
      let claims: Record<string, unknown>;
      try {
        header = decodeProtectedHeader(value) as Record<string, unknown>;
        claims = decodeJwt(value) as Record<string, unknown>;
      } catch {
        return { jwt: ref, undecodable: true };
      }
      const facts: Record<string, number> = {};
      if (typeof claims.exp === 'number' && typeof claims.iat === 'number') facts.lifetimeSeconds = claims.exp - claims.iat;
      // entry[0], not [k, v]: a destructured pair steps an iterator per claim while the interpreter runs this.
      const kept = Object.fromEntries(Object.entries(claims).map((entry) => [entry[0], JWT_TIME_CLAIMS.includes(entry[0]) ? '<timestamp>' : entry[1]]));
      return { jwt: ref, header: walk(header), claims: walk(kept), facts };
    },
  };
}

/**
 * Secrets are replaced by `<redacted:<field>>`: the members the SDK's model
 * marks sensitive at this step (recorded by the recorder from the command's
 * log filters), bar those that only identify someone, plus the credentials
 * the models leave unmarked (secrets/sdk-sensitive.ts). In a sensitive map of
 * sign-in parameters, each entry but the username is redacted.
 */
export function sdkSecrets(sensitiveNow: () => ReadonlySet<string>): ValueTransformer {
  return {
    name: 'secrets the SDK models mark sensitive → <redacted:field>',
    transform({ value, key, path }, walk) {
      if (key === undefined || path === undefined) return undefined;
      const secrecy = secrecyOf(key, sensitiveNow().has(path), value);
      if (secrecy === 'secret') return typeof value === 'string' ? `<redacted:${key}>` : undefined;
      if (secrecy === 'kept') return undefined;
      const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, entryIsSecret(k) ? `<redacted:${k}>` : v]);
      // Walked again without a path, so nothing in it is judged twice.
      return walk(Object.fromEntries(entries), key, undefined);
    },
  };
}

/**
 * Keys whose value is volatile whatever its shape (`IdentityId`, `sub`,
 * `jti`) get a numbered reference of their kind — unless the value is a
 * fixture name, which the text transformers name logically.
 */
export function volatileKeys(keys: Record<string, string>, refs: ReferenceTable, isFixtureValue: (value: string) => boolean): ValueTransformer {
  // A Map, not the record: every key of a step is looked up, and a record would answer `constructor` with Object's.
  const kinds = new Map(Object.entries(keys));
  return {
    name: 'volatile keys → <kind:n>',
    transform({ value, key }) {
      const kind = key !== undefined ? kinds.get(key) : undefined;
      return typeof value === 'string' && kind && !isFixtureValue(value) ? refs.ref(kind, value) : undefined;
    },
  };
}
