/** An error as a step keeps it: what the service answered, never a stack. */
export interface StepError {
  name: string;
  httpStatus?: number;
  fault?: 'client' | 'server';
  message: string;
}

/**
 * Turn whatever the SDK threw into a StepError. The name is the error code on
 * the wire, as AWS documents it: for awsQuery services the SDK keeps it in
 * `Code` while renaming some exceptions (STS `InvalidIdentityToken` becomes
 * `InvalidIdentityTokenException`).
 */
export function toStepError(err: unknown): StepError {
  const e = err as { name?: string; Code?: unknown; message?: string; $metadata?: { httpStatusCode?: number }; $fault?: 'client' | 'server' };
  return {
    name: typeof e?.Code === 'string' && e.Code !== '' ? e.Code : (e?.name ?? 'Error'),
    httpStatus: e?.$metadata?.httpStatusCode,
    fault: e?.$fault,
    message: e?.message ?? String(err),
  };
}

/** An error the service answered (the SDK marks those with `$fault`), as opposed to a harness or network failure. */
export function isServiceError(err: unknown): boolean {
  const e = err as { $fault?: unknown; $metadata?: { httpStatusCode?: number } } | undefined;
  return e?.$fault !== undefined && e?.$metadata?.httpStatusCode !== undefined;
}
