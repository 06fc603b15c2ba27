import type { RecordedStep } from '../clients/recorder';
import type { CaseResult } from '../runner/result';
import { sortPaths, type StepsTransformer } from './case-transformers';
import type { NormalizedStep } from './normalized-step';
import { EPOCH_SECONDS_IN_TEXT, ReferenceTable, TIMESTAMP_IN_TEXT, VOLATILE_KEYS, VOLATILE_PATTERNS } from './references';
import { fixtureNames, identityPoolNames, partitionNames, region, timestampsInText, volatilePatterns } from './text-transformers';
import { regionNames } from '../targets/region';
import { composeText, memoizeText, walker, type TextTransformer, type ValueTransformer } from './transformer';
import { dates, jwts, policyDocuments, sdkSecrets, volatileKeys } from './value-transformers';

export interface NormalizeContext {
  /** Logical fixture names and the values they were given (role ARNs, pool ids, …). */
  names: { logical: string; value: string }[];
  region: string;
}

/**
 * Credential lifetimes: the target issued the credentials somewhere between
 * the call being sent and its answer arriving, so the lifetime lies within
 * [expiration − answered, expiration − sent]. The whole minute in that span
 * is kept, so neither a slow round trip nor a busy machine changes a golden;
 * when no whole minute falls in it (clock skew), the nearest one. The
 * tolerance is stated here and in the README.
 */
export const LIFETIME_ROUNDING_SECONDS = 60;

function lifetimeOf(expiration: Date, step: RecordedStep): number {
  const unit = LIFETIME_ROUNDING_SECONDS;
  const longest = (expiration.getTime() - step.sentAt) / 1000;
  const shortest = longest - step.durationMs / 1000;
  const whole = Math.floor(longest / unit) * unit;
  return whole >= shortest ? whole : Math.round(longest / unit) * unit;
}

/**
 * The recipe (DESIGN.md § The golden file), in order. Value transformers:
 * dates, URL-encoded policy documents, JWTs, secrets (from the SDK models),
 * volatile keys.
 * Text transformers, on every other string and every key: fixture names and
 * accounts, volatile values by shape, timestamps, the Region's identity-pool
 * names, another partition's ARN prefix and DNS suffix, the region. One reference
 * table serves a whole case, so a value an earlier step returned is
 * recognised when a later step sends it back.
 */
export function defaultTransformers(ctx: NormalizeContext, sensitiveNow: () => ReadonlySet<string> = () => new Set()): { values: ValueTransformer[]; text: TextTransformer[] } {
  const refs = new ReferenceTable();
  const names = fixtureNames(ctx.names);
  return {
    values: [dates, policyDocuments, jwts(), sdkSecrets(sensitiveNow), volatileKeys(VOLATILE_KEYS, refs, names.has)],
    text: [names, volatilePatterns(VOLATILE_PATTERNS, refs), timestamps, ...regionText(ctx.region)],
  };
}

const timestamps = timestampsInText([TIMESTAMP_IN_TEXT, EPOCH_SECONDS_IN_TEXT]);
const regionTexts = new Map<string, TextTransformer[]>();

/** The Region's text transformers: they hold no state, so each Region's are made once and serve every case. */
function regionText(name: string): TextTransformer[] {
  let text = regionTexts.get(name);
  if (!text) regionTexts.set(name, (text = [identityPoolNames(identityHosts(name)), ...partitionOf(name), region(name)]));
  return text;
}

/** The partition's names, written as the aws partition's; nothing for a Region the harness cannot name. */
function partitionOf(name: string): TextTransformer[] {
  try {
    const r = regionNames(name);
    return r.partition === 'aws' ? [] : [partitionNames(r.partition, r.dnsSuffix)];
  } catch {
    return [];
  }
}

/** The identity-pool names of a Region; none for a Region the harness cannot name (a target's own, unchecked). */
function identityHosts(name: string): string[] {
  try {
    const r = regionNames(name);
    return [r.identityIssuer.replace(/^https:\/\//, ''), r.identityPrincipal, r.identityLoginsKey];
  } catch {
    return [];
  }
}

/** Normalize the steps of one case through the default transformers, then the case's own (a sort, with its reason). */
export function normalizeSteps(steps: readonly RecordedStep[], ctx: NormalizeContext, caseTransformers: readonly StepsTransformer[] = []): NormalizedStep[] {
  let sensitive: ReadonlySet<string> = new Set();
  const { values, text: textTransformers } = defaultTransformers(ctx, () => sensitive);
  const text = memoizeText(composeText(textTransformers));
  const walk = walker(values, text);
  const normalized = steps.map((step) => {
    sensitive = new Set(step.sensitive);
    const facts: Record<string, number> = {};
    const expiration = (step.output as { Credentials?: { Expiration?: unknown } } | undefined)?.Credentials?.Expiration;
    if (expiration instanceof Date) facts.credentialLifetimeSeconds = lifetimeOf(expiration, step);
    const out: NormalizedStep = { service: step.service, operation: step.operation, input: walk(step.input, undefined, 'input'), httpStatus: step.httpStatus };
    if (step.output !== undefined) out.output = walk(step.output, undefined, 'output');
    if (step.error) out.error = { name: step.error.name, httpStatus: step.error.httpStatus, fault: step.error.fault, message: text(step.error.message) };
    if (Object.keys(facts).length > 0) out.facts = facts;
    return out;
  });
  return caseTransformers.reduce((acc, t) => t.apply(acc), normalized);
}

export type { NormalizedStep } from './normalized-step';

/** A case's recorded steps as its golden keeps them, its own sort rules applied. */
export function normalizeCase(c: Pick<CaseResult, 'steps' | 'fixtureNames' | 'golden'>, region: string): NormalizedStep[] {
  return normalizeSteps(c.steps, { names: [...c.fixtureNames], region }, c.golden?.sort?.length ? [sortPaths(c.golden.sort)] : []);
}
