import { z } from 'zod';
import type { Citation } from './citation';

const text = z.string().trim().min(1);
const url = z.string().regex(/^https:\/\/\S+$/, 'an https:// URL').optional();

const side = z.object({ ref: text, url, quote: text }).strict();

/**
 * A citation as report.json carries it (DESIGN.md § CLI contract,
 * `citations: [{kind: doc|obs|conflict|inferred, ref, url?}]`): a conflict adds
 * both sides, each with its quote, and which reading the case asserts.
 */
export const citationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('doc'), ref: text, url }).strict(),
  z.object({ kind: z.literal('obs'), ref: text, url }).strict(),
  z.object({ kind: z.literal('inferred'), ref: text, url }).strict(),
  z.object({ kind: z.literal('conflict'), ref: text, url, sides: z.tuple([side, side]), asserts: text }).strict(),
]);

/** What is wrong with a citation, in words, or undefined when it is well formed. */
export function citationProblem(citation: Citation): string | undefined {
  const parsed = citationSchema.safeParse(citation);
  if (parsed.success) return undefined;
  return parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'citation'}: ${i.message}`).join('; ');
}
