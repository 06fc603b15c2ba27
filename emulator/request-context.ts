import type { Principal } from './principal';
import type { EmulatorState } from './state';

export type ServiceName = 'iam' | 'sts' | 'cognito-idp' | 'cognito-identity' | 's3';

/**
 * What an operation handler knows about the request it serves. Its own file,
 * below service.ts (which re-exports it), so that authorization (authz/) can
 * name it without importing the service definitions that name authorization.
 */
export interface RequestContext {
  readonly state: EmulatorState;
  readonly requestId: string;
  readonly service: ServiceName;
  readonly operation: string;
  /** Undefined for an unsigned call (e.g. GetId, InitiateAuth, AssumeRoleWithWebIdentity). */
  readonly caller?: Principal;
  /** Region from the signature scope, else the emulator's region. */
  readonly region: string;
  /** Wall-clock instant of the request, from the injected clock. */
  readonly now: Date;
}
