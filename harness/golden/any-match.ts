/**
 * One test that is true whenever any of `patterns` matches somewhere in a
 * text (it may also be true when none does; never false when one does): a
 * string none of them occurs in — most keys and values of a step — then
 * costs one scan, not one `replace` per pattern.
 *
 * The patterns are joined as one alternation, with the `i`, `m` and `s` flags
 * of any of them (each only widens what matches). A pattern whose meaning the
 * alternation would change is tested on its own: numbered back-references
 * (renumbered by the groups before them), named groups (which may not repeat),
 * the `u` and `v` flags (which change the syntax).
 */
export function anyMatch(patterns: readonly RegExp[]): (text: string) => boolean {
  // Each case makes its transformers afresh, from the same few pattern lists: one probe per list.
  const key = patterns.map((p) => `/${p.source}/${p.flags}`).join('\n');
  let probe = probes.get(key);
  if (!probe) probes.set(key, (probe = compile(patterns)));
  return probe;
}

const probes = new Map<string, (text: string) => boolean>();

function compile(patterns: readonly RegExp[]): (text: string) => boolean {
  const alone = patterns.filter(standsAlone).map((p) => new RegExp(p.source, p.flags.replace(/[gy]/g, '')));
  const joinable = patterns.filter((p) => !standsAlone(p));
  const flags = [...new Set(joinable.flatMap((p) => [...p.flags]))].filter((f) => 'ims'.includes(f)).join('');
  const joined = joinable.length > 0 ? new RegExp(joinable.map((p) => `(?:${p.source})`).join('|'), flags) : undefined;
  return (text) => (joined !== undefined && joined.test(text)) || alone.some((p) => p.test(text));
}

function standsAlone(pattern: RegExp): boolean {
  return /[uv]/.test(pattern.flags) || /\\[1-9]|\(\?<[^=!]/.test(pattern.source);
}
