import { UsageError } from '../../errors';

/**
 * A whole number of seconds from a flag, or undefined when the flag was not
 * given. The range is left to the target: seeing what it answers to 899 or
 * 43201 is what the flow is for.
 */
export function secondsOption(raw: string | undefined, flag: string): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) throw new UsageError(`${flag} ${raw}: expected a whole number of seconds, e.g. 3600.`);
  return Number(raw);
}

/** The flows that build their own resources refuse the options that name existing ones. */
export function refuseExistingResources(flow: string, opts: { userPoolId?: string; clientId?: string; identityPoolId?: string; customRoleArn?: string }): void {
  const given = (
    [
      ['--user-pool-id', opts.userPoolId],
      ['--client-id', opts.clientId],
      ['--identity-pool-id', opts.identityPoolId],
      ['--custom-role-arn', opts.customRoleArn],
    ] as const
  ).filter(([, v]) => v !== undefined);
  if (given.length > 0) {
    throw new UsageError(`flow ${flow} runs on throwaway resources it creates; ${given.map(([f]) => f).join(', ')} ${given.length === 1 ? 'applies' : 'apply'} to flow enhanced only.`);
  }
}
