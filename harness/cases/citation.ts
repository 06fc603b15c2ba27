/**
 * Where an expectation comes from (report.json `citations[].kind`):
 * - `doc`: AWS documentation (page named);
 * - `obs`: behaviour seen on the wire in real AWS output but not documented — a
 *   real-AWS recording should confirm or correct it (aws-contract.md, preamble);
 * - `inferred`: neither documented nor seen; `ref` says what it is inferred from,
 *   so a reader sees which verdicts rest on inference;
 * - `conflict`: AWS's own pages (or a page and real output) disagree; `sides`
 *   quotes each, and `asserts` says which reading the case asserts and why.
 */
export type Citation = PlainCitation | ConflictCitation;

export interface PlainCitation {
  kind: 'doc' | 'obs' | 'inferred';
  ref: string;
  url?: string;
}

/** One side of a documented conflict: its source and the words it uses. */
export interface ConflictSide {
  ref: string;
  url?: string;
  quote: string;
}

export interface ConflictCitation {
  kind: 'conflict';
  /** A short name for the disagreement, e.g. 'basic-flow credentials above one hour'. */
  ref: string;
  url?: string;
  sides: readonly [ConflictSide, ConflictSide];
  /** Which reading the case asserts, and why. */
  asserts: string;
}

/** What an assertion rests on: one citation, or several read together. */
export type Source = Citation | readonly Citation[];

/** A finding's `source` as reports show it: the citations' refs, `; `-joined. */
export function sourceText(source: Source | undefined): string | undefined {
  if (source === undefined) return undefined;
  const all: readonly Citation[] = Array.isArray(source) ? source : [source as Citation];
  return all.length > 0 ? all.map((c) => c.ref).join('; ') : undefined;
}
