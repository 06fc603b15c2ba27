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
