/**
 * Normalization as a list of small transformers, after localstack-snapshot's
 * transformers: each says what it does, and the list reads as the whole
 * recipe. A value transformer claims a value by returning its replacement, or
 * passes (undefined) to the next one; a text transformer rewrites every
 * string that no value transformer claimed, and every object key.
 */

/** One value met while walking a step, with the key it sits under in its object. */
export interface ValueNode {
  value: unknown;
  key?: string;
  /** Where in the step it is (`input.AuthParameters`), while walking what was recorded; undefined inside what a transformer rebuilt. */
  path?: string;
}

export type Walk = (value: unknown, key?: string, path?: string) => unknown;

export interface ValueTransformer {
  readonly name: string;
  /** The replacement, or undefined to let the next transformer try. `walk` normalizes what the replacement contains. */
  transform(node: ValueNode, walk: Walk): unknown;
}

export interface TextTransformer {
  readonly name: string;
  apply(text: string): string;
}

/** Apply text transformers in order. */
export function composeText(transformers: readonly TextTransformer[]): (text: string) => string {
  return (text) => {
    let out = text;
    for (let i = 0; i < transformers.length; i++) out = transformers[i].apply(out);
    return out;
  };
}

/**
 * `text` answering a string it has seen before from memory. Exact for the
 * text transformers of one reference table: a reference, once given, never
 * changes, so the same string always comes out the same — and a case meets
 * the same keys and names in step after step.
 */
export function memoizeText(text: (s: string) => string): (text: string) => string {
  const seen = new Map<string, string>();
  return (s) => {
    let out = seen.get(s);
    if (out === undefined) seen.set(s, (out = text(s)));
    return out;
  };
}

/**
 * Walk a value: the first value transformer that claims a node replaces it;
 * arrays keep their order; objects get their keys sorted and rewritten by
 * `text`; a string nothing claimed goes through `text`.
 */
export function walker(transformers: readonly ValueTransformer[], text: (s: string) => string): Walk {
  // Indexed loops, here and in the text transformers: a run normalizes most of its cases before
  // the JIT has optimized this, and in the interpreter for…of steps an iterator object per loop.
  const walk: Walk = (value, key, path) => {
    if (value === undefined || value === null) return value;
    const node: ValueNode = { value, key, path };
    for (let i = 0; i < transformers.length; i++) {
      const out = transformers[i].transform(node, walk);
      if (out !== undefined) return out;
    }
    if (typeof value === 'string') return text(value);
    if (Array.isArray(value)) return value.map((v, i) => walk(v, undefined, path === undefined ? undefined : `${path}[${i}]`));
    if (typeof value === 'object') {
      const out: Record<string, unknown> = {};
      const keys = Object.keys(value).sort();
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
        out[text(k)] = walk((value as Record<string, unknown>)[k], k, path === undefined ? undefined : `${path}.${k}`);
      }
      return out;
    }
    return value;
  };
  return walk;
}
