import { anyMatch } from './any-match';
import type { ReferenceTable } from './references';
import type { TextTransformer } from './transformer';

/**
 * Every occurrence of `raw` in `text` replaced by `by`, as `split().join()`
 * does (no `$` patterns, unlike `replaceAll`). Most strings hold none of the
 * names a case knows, and `includes` answers that without building an array.
 */
export function replaceEvery(text: string, raw: string, by: string): string {
  return text.includes(raw) ? text.split(raw).join(by) : text;
}

/**
 * Fixture values → their logical names (`<role:admin>`), longest first so an
 * ARN is replaced before the role name inside it; the account of every ARN
 * among them → `<account>`.
 */
export function fixtureNames(names: readonly { logical: string; value: string }[]): TextTransformer & { has(value: string): boolean } {
  const entries = names
    .filter((n) => n.value.length > 0)
    .sort((a, b) => b.value.length - a.value.length)
    .map((n) => [n.value, `<${n.logical}>`] as [string, string]);
  const accounts = new Set(names.map((n) => /^arn:aws[\w-]*:\w[\w-]*::(\d{12}):/.exec(n.value)?.[1]).filter(Boolean) as string[]);
  for (const account of accounts) entries.push([account, '<account>']);
  const replacements = new Map(entries);
  const raws = [...replacements.keys()];
  const logicals = [...replacements.values()];
  return {
    name: 'fixture values → <logical name>, accounts → <account>',
    apply: (text) => {
      let out = text;
      for (let i = 0; i < raws.length; i++) out = replaceEvery(out, raws[i], logicals[i]);
      return out;
    },
    has: (value) => replacements.has(value),
  };
}

/** Values recognised by shape (identity ids, access keys, role ids, …) → numbered references per kind. */
export function volatilePatterns(patterns: readonly { kind: string; pattern: RegExp }[], refs: ReferenceTable): TextTransformer {
  const mayMatch = anyMatch(patterns.map((p) => p.pattern));
  return {
    name: 'volatile values by shape → <kind:n>',
    apply: (text) => (mayMatch(text) ? patterns.reduce((out, { kind, pattern }) => out.replace(pattern, (m) => refs.ref(kind, m)), text) : text),
  };
}

/** Instants quoted in free text (ISO-8601, epoch seconds) → `<timestamp>`. */
export function timestampsInText(patterns: readonly RegExp[]): TextTransformer {
  const mayMatch = anyMatch(patterns);
  return {
    name: 'timestamps in text → <timestamp>',
    apply: (text) => (mayMatch(text) ? patterns.reduce((out, pattern) => out.replace(pattern, '<timestamp>'), text) : text),
  };
}

/**
 * The Region's identity-pool names → `<cognito-identity>`: the OpenID issuer's
 * host, the federated principal and the Logins key are
 * `cognito-identity.amazonaws.com` in default Regions but regional elsewhere
 * (targets/region.ts), so a golden recorded in us-east-1 and a run in
 * eu-south-1 read the same. Longest first: China's principal
 * `cognito-identity.amazonaws.com.cn` holds the global host. The contract
 * assertions check the exact names for the Region; the golden need not.
 */
export function identityPoolNames(names: readonly string[]): TextTransformer {
  const hosts = [...new Set(names)].sort((a, b) => b.length - a.length);
  return {
    name: "the Region's identity-pool issuer host, principal and Logins key → <cognito-identity>",
    apply: (text) => hosts.reduce((out, host) => replaceEvery(out, host, '<cognito-identity>'), text),
  };
}

/** The run's region → `<region>`. */
export function region(name: string): TextTransformer {
  return { name: 'region → <region>', apply: (text) => replaceEvery(text, name, '<region>') };
}

/**
 * Another partition's names → the commercial partition's: `arn:aws-cn:` and
 * `arn:aws-us-gov:` → `arn:aws:`, and China's DNS suffix `amazonaws.com.cn` →
 * `amazonaws.com`, so a golden recorded in us-east-1 compares with a run in
 * cn-north-1 or us-gov-west-1 as it does with one in eu-south-1. Applied after
 * the identity-pool names (China's principal holds the suffix). The contract
 * assertions check the exact partition names; the golden need not.
 */
export function partitionNames(partition: string, dnsSuffix: string): TextTransformer {
  const arn = `arn:${partition}:`;
  const suffix = `.${dnsSuffix}`;
  return {
    name: "the partition's ARN prefix and DNS suffix → the aws partition's",
    apply: (text) => {
      let out = partition === 'aws' ? text : replaceEvery(text, arn, 'arn:aws:');
      if (dnsSuffix !== 'amazonaws.com') out = replaceEvery(out, suffix, '.amazonaws.com');
      return out;
    },
  };
}
