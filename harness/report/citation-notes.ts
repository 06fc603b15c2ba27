import type { Citation, ConflictCitation } from '../cases/citation';
import type { ReportJson } from './report-json';
import { regionInferences } from '../targets/region';

type ReportCase = ReportJson['cases'][number];

/** The kinds a reader must notice beside a case: where AWS contradicts itself, and where a verdict rests on inference. */
export type MarkedKind = 'conflict' | 'inferred';
const MARKED: readonly MarkedKind[] = ['conflict', 'inferred'];

/** `['conflict', 'inferred']`, those of the two the case cites, in that order. */
export function caseMarks(c: Pick<ReportCase, 'citations'>): MarkedKind[] {
  return MARKED.filter((kind) => c.citations.some((x) => x.kind === kind));
}

export interface CitedBy<C extends Citation> {
  citation: C;
  cases: string[];
}

/**
 * Every conflict and every inference the report's cases cite, once each (by
 * kind and ref), with the cases citing it, in report order: what report.md
 * and report.html list after the cases, so a reader sees both sides of each
 * disagreement and everything unverified in one place.
 */
export function citationNotes(cases: readonly Pick<ReportCase, 'id' | 'citations'>[]): { conflicts: CitedBy<ConflictCitation>[]; inferred: CitedBy<Citation>[] } {
  const seen = new Map<string, CitedBy<Citation>>();
  for (const c of cases) {
    for (const citation of c.citations) {
      if (citation.kind !== 'conflict' && citation.kind !== 'inferred') continue;
      const key = `${citation.kind}\u0000${citation.ref}`;
      const entry = seen.get(key) ?? { citation, cases: [] };
      if (!entry.cases.includes(c.id)) entry.cases.push(c.id);
      seen.set(key, entry);
    }
  }
  const all = [...seen.values()];
  return {
    conflicts: all.filter((e): e is CitedBy<ConflictCitation> => e.citation.kind === 'conflict'),
    inferred: all.filter((e) => e.citation.kind === 'inferred'),
  };
}

/**
 * What the run's Region adds to the inferences: names AWS does not document
 * for it (targets/region.ts), which every case with an identity-pool role
 * rests on. None for a Region the harness cannot name.
 */
export function regionNotes(region: string): string[] {
  try {
    return regionInferences(region).map((what) => `Region ${region}: ${what}`);
  } catch {
    return [];
  }
}
