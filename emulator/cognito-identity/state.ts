// Owned by the cognito-identity service; extended there.
export interface IdentityState {
  pools: Map<string, unknown>;
}

export function createIdentityState(): IdentityState {
  return { pools: new Map() };
}
