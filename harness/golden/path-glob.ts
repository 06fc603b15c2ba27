const compiled = new Map<string, RegExp>();

/**
 * A finding-path glob (`GetId#*.output.*`) as a regular expression: `*` matches anything, the rest is literal.
 * Compiled once per glob: deviations and skip rules are matched against every finding of every case.
 * The expression has no `g` flag, so sharing it keeps no state between tests.
 */
export function pathGlob(glob: string): RegExp {
  let re = compiled.get(glob);
  if (!re) compiled.set(glob, (re = new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`)));
  return re;
}

const compiledBelow = new Map<string, RegExp>();

/** The glob's path and everything under it (`…claims.cognito:groups`, `…claims.cognito:groups[0]`). */
export function pathOrBelow(glob: string): RegExp {
  let re = compiledBelow.get(glob);
  if (!re) compiledBelow.set(glob, (re = new RegExp(`${pathGlob(glob).source.slice(0, -1)}(?:[.[].*)?$`)));
  return re;
}
