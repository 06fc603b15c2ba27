/** A finding-path glob (`GetId#*.output.*`) as a regular expression: `*` matches anything, the rest is literal. */
export function pathGlob(glob: string): RegExp {
  return new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
}

/** The glob's path and everything under it (`…claims.cognito:groups`, `…claims.cognito:groups[0]`). */
export function pathOrBelow(glob: string): RegExp {
  return new RegExp(`${pathGlob(glob).source.slice(0, -1)}(?:[.[].*)?$`);
}
