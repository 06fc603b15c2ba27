/**
 * Names and shapes no request may carry, whatever its protocol. Input keys
 * become object keys in the handlers, and `__proto__`, `constructor` and
 * `prototype` as keys reach object prototypes (an awsQuery form key
 * `__proto__.sessionToken=x` once set `Object.prototype.sessionToken`, after
 * which every long-term key looked like a session key and was refused). AWS
 * itself ignores a parameter it does not know; the emulator refuses these
 * three names instead, with the protocol's error for a malformed request.
 */
export const FORBIDDEN_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Deepest awsQuery key (dot-separated parts) and JSON nesting the emulator
 * reads. The deepest member any operation here takes is a few levels
 * (`RoleMappings.entry.N.value.RulesConfiguration.Rules.member.N.Claim`);
 * anything far deeper is hostile, and walking it recursively would overflow
 * the stack.
 */
export const MAX_INPUT_DEPTH = 32;

/** Shorten a name for an error message: a 10,000-level key should not come back whole. */
export function shown(name: string): string {
  return name.length > 200 ? `${name.slice(0, 200)}…` : name;
}
