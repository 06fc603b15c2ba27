// Owned by the cognito-idp service; extended there.
export interface IdpState {
  pools: Map<string, unknown>;
}

export function createIdpState(): IdpState {
  return { pools: new Map() };
}
