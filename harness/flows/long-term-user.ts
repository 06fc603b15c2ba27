import { LONG_TERM_USER, type LongTermUser } from '../provisioning/kinds/iam-user';
import type { ProvisionedFixture } from '../provisioning/spec';

/**
 * The IAM user with long-term keys a fixture's long-term calls sign as
 * (GetFederationToken, GetSessionToken, AssumeRole that is not role
 * chaining): the harness's own user, or a throwaway one when the harness signs
 * as a role session (provisioning/kinds/iam-user.ts). The fixture has it when
 * one of its trust documents names `r.iamUserArn`.
 */
export function longTermUser(fx: ProvisionedFixture): LongTermUser {
  return fx.resource<LongTermUser>(LONG_TERM_USER.kind, LONG_TERM_USER.key);
}
