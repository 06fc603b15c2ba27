/**
 * An error the emulator answers on the wire, the way the AWS service would:
 * its error name (`code`), HTTP status, fault side and message.
 */
export class AwsServiceError extends Error {
  readonly fault: 'Sender' | 'Receiver';

  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    fault?: 'Sender' | 'Receiver',
  ) {
    super(message);
    this.name = code;
    this.fault = fault ?? (status >= 500 ? 'Receiver' : 'Sender');
  }
}

/** STS and IAM input validation failures: `ValidationError`, 400, Sender. */
export function validationError(message: string): AwsServiceError {
  return new AwsServiceError('ValidationError', message, 400);
}

/**
 * The Coral-style message AWS uses for constraint violations, e.g.
 * "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy
 * constraint: Member must have value greater than or equal to 900" (aws-contract.md §3).
 */
export function constraintMessage(value: unknown, member: string, constraint: string): string {
  return `1 validation error detected: Value '${String(value)}' at '${member}' failed to satisfy constraint: ${constraint}`;
}
