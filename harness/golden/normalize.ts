import { decodeJwt, decodeProtectedHeader } from 'jose';
import type { RecordedStep } from '../clients/recorder';
import type { CaseResult } from '../runner/result';
import { isSecretField } from '../secrets/redact';
import { EPOCH_SECONDS_IN_TEXT, ReferenceTable, TIMESTAMP_IN_TEXT, VOLATILE_KEYS, VOLATILE_PATTERNS } from './references';

/** One step as a golden keeps it: everything volatile replaced, secrets gone, lifetimes derived. */
export interface NormalizedStep {
  service: string;
  operation: string;
  input: unknown;
  output?: unknown;
  error?: { name: string; httpStatus?: number; fault?: string; message: string };
  httpStatus?: number;
  /** Derived facts that replace raw timestamps, e.g. `credentialLifetimeSeconds`. */
  facts?: Record<string, number>;
}

export interface NormalizeContext {
  /** Logical fixture names and the values they were given (role ARNs, pool ids, …). */
  names: { logical: string; value: string }[];
  region: string;
}

/**
 * Credential lifetimes are measured from when the call was sent, so they carry
 * the round trip and any clock skew; rounding to the minute keeps two runs of
 * the same behaviour identical. The tolerance is stated here and in the README.
 */
export const LIFETIME_ROUNDING_SECONDS = 60;

const JWT = /^eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const JWT_TIME_CLAIMS = ['exp', 'iat', 'nbf', 'auth_time'];

function roundLifetime(seconds: number): number {
  return Math.round(seconds / LIFETIME_ROUNDING_SECONDS) * LIFETIME_ROUNDING_SECONDS;
}

/**
 * Normalize the steps of one case (DESIGN.md § The golden file). Steps share
 * one reference table, so a value an earlier step returned is recognised
 * when a later step sends it back.
 */
export function normalizeSteps(steps: readonly RecordedStep[], ctx: NormalizeContext): NormalizedStep[] {
  const refs = new ReferenceTable();
  const names = fixtureReplacements(ctx);
  const jwtRefs = new Map<string, string>();

  const text = (value: string): string => {
    let out = value;
    for (const [raw, logical] of names) out = out.split(raw).join(logical);
    for (const { kind, pattern } of VOLATILE_PATTERNS) out = out.replace(pattern, (m) => refs.ref(kind, m));
    out = out.replace(TIMESTAMP_IN_TEXT, '<timestamp>').replace(EPOCH_SECONDS_IN_TEXT, '<timestamp>');
    return out.split(ctx.region).join('<region>');
  };

  let jwtCount = 0;
  // A token an answer hands out always gets the next number, even when it equals an
  // earlier one: two tokens issued in the same second can be byte-identical, and the
  // numbering must not depend on the clock. A token sent back refers to the latest.
  const decodeToken = (token: string, issued: boolean) => {
    const ref = (!issued && jwtRefs.get(token)) || `<jwt:${++jwtCount}>`;
    jwtRefs.set(token, ref);
    let header: Record<string, unknown>;
    let claims: Record<string, unknown>;
    try {
      header = decodeProtectedHeader(token) as Record<string, unknown>;
      claims = decodeJwt(token) as Record<string, unknown>;
    } catch {
      return { jwt: ref, undecodable: true };
    }
    const facts: Record<string, number> = {};
    if (typeof claims.exp === 'number' && typeof claims.iat === 'number') facts.lifetimeSeconds = claims.exp - claims.iat;
    const kept = Object.fromEntries(
      Object.entries(claims).map(([k, v]) => [k, JWT_TIME_CLAIMS.includes(k) ? '<timestamp>' : v]),
    );
    return { jwt: ref, header: walk(header, undefined), claims: walk(kept, undefined), facts };
  };

  function walk(value: unknown, key: string | undefined): unknown {
    if (value === undefined || value === null) return value;
    if (value instanceof Date) return '<timestamp>';
    if (typeof value === 'string') {
      const policy = key !== undefined && POLICY_DOCUMENT_KEYS.has(key) ? parsePolicyDocument(value) : undefined;
      // Stored as the document it encodes, so the names inside are normalized like everything else.
      if (policy !== undefined) return { decodedPolicyDocument: walk(policy, undefined) };
      if (JWT.test(value)) {
        const issued = key !== undefined && isTokenOutputKey(key);
        return jwtRefs.get(value) && !issued ? jwtRefs.get(value) : decodeToken(value, issued);
      }
      if (key !== undefined && isSecretField(key)) return `<redacted:${key}>`;
      const kind = key !== undefined ? VOLATILE_KEYS[key] : undefined;
      if (kind && !names.has(value)) return refs.ref(kind, value);
      return text(value);
    }
    if (Array.isArray(value)) return value.map((v) => walk(v, undefined));
    if (typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(value as object).sort()) {
        out[text(k)] = walk((value as Record<string, unknown>)[k], k);
      }
      return out;
    }
    return value;
  }

  return steps.map((step) => {
    const facts: Record<string, number> = {};
    const expiration = (step.output as { Credentials?: { Expiration?: unknown } } | undefined)?.Credentials?.Expiration;
    if (expiration instanceof Date) facts.credentialLifetimeSeconds = roundLifetime((expiration.getTime() - step.sentAt) / 1000);
    const normalized: NormalizedStep = {
      service: step.service,
      operation: step.operation,
      input: walk(step.input, undefined),
      httpStatus: step.httpStatus,
    };
    if (step.output !== undefined) normalized.output = walk(step.output, undefined);
    if (step.error) {
      normalized.error = { name: step.error.name, httpStatus: step.error.httpStatus, fault: step.error.fault, message: text(step.error.message) };
    }
    if (Object.keys(facts).length > 0) normalized.facts = facts;
    return normalized;
  });
}

/** A case's recorded steps as its golden keeps them. */
export function normalizeCase(c: Pick<CaseResult, 'steps' | 'fixtureNames'>, region: string): NormalizedStep[] {
  return normalizeSteps(c.steps, { names: [...c.fixtureNames], region });
}

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

/** Output fields that carry a token a later step may send back. */
function isTokenOutputKey(key: string): boolean {
  return ['IdToken', 'AccessToken', 'Token', 'idToken'].includes(key);
}

/**
 * Fixture values → logical names, longest first so an ARN is replaced before
 * the role name inside it. Also exposes `has()` so such values are never
 * numbered as volatile.
 */
function fixtureReplacements(ctx: NormalizeContext): Map<string, string> & { has(value: string): boolean } {
  const entries = ctx.names
    .filter((n) => n.value.length > 0)
    .sort((a, b) => b.value.length - a.value.length)
    .map((n) => [n.value, `<${n.logical}>`] as [string, string]);
  const accounts = new Set(ctx.names.map((n) => /^arn:aws[\w-]*:\w[\w-]*::(\d{12}):/.exec(n.value)?.[1]).filter(Boolean) as string[]);
  for (const account of accounts) entries.push([account, '<account>']);
  return new Map(entries);
}
