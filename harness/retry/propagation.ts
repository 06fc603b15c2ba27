import pRetry from 'p-retry';

/**
 * The answers AWS gives while a fresh IAM role has not yet propagated
 * (aws-contract.md §4, [obs]): STS AccessDenied, Cognito
 * InvalidIdentityPoolConfigurationException, and NotAuthorizedException
 * "Access to Role '<arn>' is forbidden." from SetIdentityPoolRoles. The SDK's
 * standard retry mode does not retry these; nothing else is retried here.
 */
export function isPropagationError(err: unknown): boolean {
  const e = err as { name?: string; message?: string } | undefined;
  switch (e?.name) {
    case 'AccessDenied':
    case 'InvalidIdentityPoolConfigurationException':
      return true;
    case 'NotAuthorizedException':
      return /^Access to Role '.+' is forbidden\.?$/.test(e.message ?? '');
    default:
      return false;
  }
}

export interface RetryPolicy {
  /** Give up after this long, counted from the first attempt. */
  deadlineMs: number;
  minDelayMs: number;
  maxDelayMs: number;
  factor: number;
}

/** IAM documents no propagation time; a few seconds is typical, a minute is generous. */
export const DEFAULT_PROPAGATION_POLICY: RetryPolicy = { deadlineMs: 60_000, minDelayMs: 250, maxDelayMs: 5_000, factor: 2 };

/**
 * Retry `fn` only while it fails with a propagation error: capped exponential
 * backoff with jitter, until the deadline. Any other error is thrown at once.
 */
export function withPropagationRetry<T>(
  fn: () => Promise<T>,
  options: { policy?: RetryPolicy; onRetry?: (info: { attempt: number; error: Error }) => void; signal?: AbortSignal } = {},
): Promise<T> {
  const policy = options.policy ?? DEFAULT_PROPAGATION_POLICY;
  return pRetry(fn, {
    retries: Number.MAX_SAFE_INTEGER,
    factor: policy.factor,
    minTimeout: policy.minDelayMs,
    maxTimeout: policy.maxDelayMs,
    randomize: true,
    maxRetryTime: policy.deadlineMs,
    signal: options.signal,
    shouldRetry: ({ error }) => isPropagationError(error),
    onFailedAttempt: ({ error, attemptNumber }) => {
      if (isPropagationError(error)) options.onRetry?.({ attempt: attemptNumber, error });
    },
  });
}
