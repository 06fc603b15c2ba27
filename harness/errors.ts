/**
 * Base class for errors idchain reports to its user. Each subclass maps to one
 * of the CLI's documented exit codes (DESIGN.md § CLI contract).
 */
export abstract class IdchainError extends Error {
  abstract readonly exitCode: 2 | 3;
}

/** Bad usage or configuration: nothing was created. Exit code 2. */
export class UsageError extends IdchainError {
  readonly exitCode = 2 as const;
  override readonly name = 'UsageError';
}

/** The target cannot be reached or started: no endpoint, no Docker, no credentials. Exit code 3. */
export class TargetUnavailableError extends IdchainError {
  readonly exitCode = 3 as const;
  override readonly name = 'TargetUnavailableError';
}

/** A resource the harness needed could not be provisioned; cases depending on it are `error`. */
export class ProvisioningError extends Error {
  override readonly name = 'ProvisioningError';
  constructor(message: string, readonly resource: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
