import pRetry from 'p-retry';
import { notePropagationRetry } from './traffic';

/**
 * The answers AWS gives while a fresh IAM role has not yet propagated
 * (aws-contract.md §4, [obs]): STS AccessDenied, Cognito
 * InvalidIdentityPoolConfigurationException, and NotAuthorizedException
 * "Access to Role '<arn>' is forbidden." from SetIdentityPoolRoles. The SDK's
 * standard retry mode does not retry these (research-i14-15.md §4: its
 * throttling and transient lists name none of them); nothing else is retried
 * here. Throttling and 5xx are the SDK's to retry: a harness retry on top
 * would multiply the attempts. Only provisioning and fixture checks use
 * this: a case that expects AccessDenied must see it, so cases start only
 * once IAM has settled (runner/settle-wait.ts) and are never retried.
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

/**
 * CreateRole (or UpdateAssumeRolePolicy) whose trust names a principal (a
 * role, a user, a provider) created moments earlier: IAM answers
 * MalformedPolicyDocument "Invalid principal in policy" until the principal
 * has propagated (aws-contract.md §4; [obs] terraform-provider-aws#1388 and
 * #8905 (CreateRole), PR #12436 (the provider retries role creation and trust
 * updates on it), opstrace/opstrace#88). Only role creation and trust updates
 * retry it: anywhere else it means what it says.
 */
export function isNewPrincipalNotYetVisible(err: unknown): boolean {
  const e = err as { name?: string; message?: string } | undefined;
  return e?.name === 'MalformedPolicyDocument' || e?.name === 'MalformedPolicyDocumentException'
    ? /^Invalid principal in policy/.test(e.message ?? '')
    : false;
}

/**
 * STS on a federation provider IAM made moments ago: AssumeRoleWithWebIdentity
 * answers InvalidIdentityToken "No OpenIDConnect provider found in your
 * account for <iss>" (the answer for an issuer with no provider [obs, real
 * AWS output, aws-actions/configure-aws-credentials#721]; for a fresh one,
 * research-i14-15.md §3c [est]), AssumeRoleWithSAML "Specified provider
 * doesn't exist" [doc: IAM-UG "Troubleshooting SAML 2.0 federation"]. Only a
 * fixture's check retries it: a case about an unregistered issuer expects it.
 */
export function isProviderNotYetVisible(err: unknown): boolean {
  const e = err as { name?: string; Code?: string; message?: string } | undefined;
  const name = e?.Code ?? e?.name;
  if (name !== 'InvalidIdentityToken' && name !== 'InvalidIdentityTokenException') return false;
  return /^No OpenIDConnect provider found in your account for |^Specified provider doesn't exist/.test(e?.message ?? '');
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
 * The policy for a run whose weather bounds propagation: tries at most 2 s
 * apart (a change seen late holds its whole suite back), until well past the
 * bound; every delay shrinks with the weather's scale, so a fast test meets
 * the same retries as a run at AWS's pace.
 */
export function propagationPolicyFor(weather: { propagationBoundMs: number; scale: number }): RetryPolicy {
  const { scale } = weather;
  return { deadlineMs: Math.max(DEFAULT_PROPAGATION_POLICY.deadlineMs * scale, 2 * weather.propagationBoundMs + 10_000 * scale), minDelayMs: 250 * scale, maxDelayMs: 2_000 * scale, factor: 2 };
}

/**
 * Retry `fn` only while it fails with a propagation error: capped exponential
 * backoff with jitter, until the deadline. Any other error is thrown at once.
 */
export function withPropagationRetry<T>(
  fn: () => Promise<T>,
  options: {
    policy?: RetryPolicy;
    onRetry?: (info: { attempt: number; error: Error }) => void;
    signal?: AbortSignal;
    /** Which errors are propagation for this call; default {@link isPropagationError}. */
    retryIf?: (err: unknown) => boolean;
  } = {},
): Promise<T> {
  const policy = options.policy ?? DEFAULT_PROPAGATION_POLICY;
  const retryIf = options.retryIf ?? isPropagationError;
  return pRetry(fn, {
    retries: Number.MAX_SAFE_INTEGER,
    factor: policy.factor,
    minTimeout: policy.minDelayMs,
    maxTimeout: policy.maxDelayMs,
    randomize: true,
    maxRetryTime: policy.deadlineMs,
    signal: options.signal,
    shouldRetry: ({ error }) => retryIf(error),
    onFailedAttempt: ({ error, attemptNumber }) => {
      if (!retryIf(error)) return;
      notePropagationRetry();
      options.onRetry?.({ attempt: attemptNumber, error });
    },
  });
}
