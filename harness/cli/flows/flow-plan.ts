import type { Clients } from '../../clients/factory';
import type { FixtureSpec, ProvisionedFixture } from '../../provisioning/spec';

/** What `idchain flow NAME` was asked, parsed once by commander; each flow's subcommand takes only its own options. */
export interface FlowCommandOptions {
  name: string;
  target: string;
  endpoint?: string;
  region?: string;
  username: string;
  /** enhanced: the throwaway user's groups. */
  groups?: string;
  userPoolId?: string;
  clientId?: string;
  identityPoolId?: string;
  /** enhanced, existing resources: the variable holding the password. */
  passwordEnv?: string;
  customRoleArn?: string;
  /** saml and web-identity: the DurationSeconds to ask STS for. */
  durationSeconds?: string;
  /** saml: the assertion's SessionDuration attribute. */
  sessionDuration?: string;
  keep?: boolean;
  json?: boolean;
  /** Resolves when a kept reference emulator should stop; defaults to Ctrl-C. */
  until?: Promise<void>;
  env?: Record<string, string | undefined>;
}

/**
 * One flow the command can run: what it needs created (none when it runs on
 * the user's existing resources) and the steps, which append what a user
 * should see to `shown` as they go. Checked before anything is started.
 */
export interface FlowPlan {
  /** Throwaway resources to provision, or undefined to use existing ones. */
  fixture?: FixtureSpec;
  /** What the throwaway set-up is, for the progress line. */
  describes?: string;
  run(ctx: { clients: Clients; fx?: ProvisionedFixture; region: string; shown: string[] }): Promise<void>;
}

export function minutesFromNow(date: Date): string {
  const minutes = Math.round((date.getTime() - Date.now()) / 60_000);
  return `${date.toISOString()} (in ${minutes} min)`;
}
