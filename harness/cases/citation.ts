/**
 * Where an expectation comes from. `doc` is AWS documentation (page named);
 * `obs` is behaviour seen on the wire but not documented — a real-AWS
 * recording should confirm or correct it (aws-contract.md, preamble).
 */
export interface Citation {
  kind: 'doc' | 'obs';
  ref: string;
  url?: string;
}

/** What an assertion rests on: one citation, or several read together. */
export type Source = Citation | readonly Citation[];

/** A finding's `source` as reports show it: the citations' refs, `; `-joined. */
export function sourceText(source: Source | undefined): string | undefined {
  if (source === undefined) return undefined;
  const all: readonly Citation[] = Array.isArray(source) ? source : [source as Citation];
  return all.length > 0 ? all.map((c) => c.ref).join('; ') : undefined;
}
