import { isNewPrincipalNotYetVisible, isPropagationError, withPropagationRetry } from './propagation-retry';

const err = (name: string, message = 'x') => Object.assign(new Error(message), { name });
const fast = { deadlineMs: 400, minDelayMs: 5, maxDelayMs: 20, factor: 2 };

describe('isPropagationError (aws-contract.md §4)', () => {
  it.each([
    ['AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity', true],
    ['InvalidIdentityPoolConfigurationException', 'Invalid identity pool configuration. Check assigned IAM roles for this pool.', true],
    ['NotAuthorizedException', "Access to Role 'arn:aws:iam::123456789012:role/r' is forbidden.", true],
    ['NotAuthorizedException', 'Incorrect username or password.', false],
    ['NotAuthorizedException', 'The ambiguous role mapping rules for: x denied this request.', false],
    ['ValidationError', 'anything', false],
    ['ThrottlingException', 'Rate exceeded', false],
  ])('%s "%s" → %s', (name, message, expected) => {
    expect(isPropagationError(err(name, message))).toBe(expected);
  });
});

describe('isNewPrincipalNotYetVisible (CreateRole naming a fresh principal; terraform-provider-aws#1388, #8905)', () => {
  it.each([
    ['MalformedPolicyDocument', 'Invalid principal in policy: "AWS":"arn:aws:iam::123456789012:role/backend"', true],
    ['MalformedPolicyDocumentException', 'Invalid principal in policy: "Federated":"arn:aws:iam::123456789012:saml-provider/p"', true],
    ['MalformedPolicyDocument', 'This policy contains invalid Json', false],
    ['AccessDenied', 'Invalid principal in policy', false],
  ])('%s "%s" → %s', (name, message, expected) => {
    expect(isNewPrincipalNotYetVisible(err(name, message))).toBe(expected);
  });

  it('is what role creation retries on, while AccessDenied is then not retried', async () => {
    let calls = 0;
    const result = await withPropagationRetry(
      async () => {
        calls++;
        if (calls < 2) throw err('MalformedPolicyDocument', 'Invalid principal in policy: "AWS":"arn:aws:iam::123456789012:role/b"');
        return 'created';
      },
      { policy: fast, retryIf: isNewPrincipalNotYetVisible },
    );
    expect([result, calls]).toEqual(['created', 2]);
    await expect(withPropagationRetry(async () => Promise.reject(err('AccessDenied')), { policy: fast, retryIf: isNewPrincipalNotYetVisible })).rejects.toThrow();
  });
});

describe('withPropagationRetry', () => {
  it('retries propagation errors until the call succeeds', async () => {
    let calls = 0;
    const retries: number[] = [];
    const result = await withPropagationRetry(
      async () => {
        calls++;
        if (calls < 3) throw err('AccessDenied');
        return 'ok';
      },
      { policy: fast, onRetry: ({ attempt }) => retries.push(attempt) },
    );
    expect(result).toBe('ok');
    expect(calls).toBe(3);
    expect(retries).toEqual([1, 2]);
  });

  it('throws any other error at once, without retrying', async () => {
    let calls = 0;
    await expect(
      withPropagationRetry(async () => {
        calls++;
        throw err('NotAuthorizedException', 'Incorrect username or password.');
      }, { policy: fast }),
    ).rejects.toThrow('Incorrect username or password.');
    expect(calls).toBe(1);
  });

  it('gives up with the last propagation error once the deadline passes', async () => {
    // No clock is read here: a deadline that was ignored shows as more calls than the
    // delays allow (at least minDelayMs apart, within deadlineMs), not as a slow test.
    const mostCalls = fast.deadlineMs / fast.minDelayMs + 1;
    let calls = 0;
    await expect(
      withPropagationRetry(async () => {
        calls++;
        if (calls > mostCalls) throw new Error(`still retrying after ${calls} calls: the deadline was ignored`);
        throw err('InvalidIdentityPoolConfigurationException', 'still propagating');
      }, { policy: fast }),
    ).rejects.toThrow('still propagating');
    expect(calls).toBeGreaterThan(1);
  });
});
