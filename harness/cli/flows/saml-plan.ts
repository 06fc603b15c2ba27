import { NAMEID_PERSISTENT } from '../../provisioning/saml-idp';
import { policyDocument, samlTrust } from '../../provisioning/policies';
import type { FixtureSpec } from '../../provisioning/spec';
import { callerIdentity } from '../../flows/caller-identity';
import { assumeRoleWithSaml } from '../../flows/saml';
import { minutesFromNow, type FlowCommandOptions, type FlowPlan } from './flow-plan';
import { secondsOption } from './seconds-option';

/** An IAM SAML provider for the harness's own IdP and a role that trusts it, with the documented SAML:aud condition. */
const SAML_FIXTURE: FixtureSpec = {
  samlProviders: { idp: {} },
  roles: {
    federated: {
      // 12 hours, so any DurationSeconds STS allows can be tried.
      maxSessionDuration: 43200,
      trust: { document: (r) => policyDocument(samlTrust(r.samlProvider('idp').arn)) },
    },
  },
};

/**
 * `flow saml`: idchain acts as the identity provider, signs an assertion for
 * --username listing the role, and exchanges it with AssumeRoleWithSAML.
 */
export function samlPlan(opts: FlowCommandOptions): FlowPlan {
  const durationSeconds = secondsOption(opts.durationSeconds, '--duration-seconds');
  const sessionDuration = secondsOption(opts.sessionDuration, '--session-duration');
  return {
    fixture: SAML_FIXTURE,
    describes: 'a throwaway SAML identity provider (key and certificate made now), its IAM SAML provider and a role',
    async run({ clients, fx, shown }) {
      const provider = fx!.samlProvider('idp');
      const role = fx!.role('federated');
      shown.push(`1. SAML identity provider ${provider.idp.entityId}, registered as ${provider.arn}`);
      const samlAssertion = provider.idp.assertion({
        roles: [{ roleArn: role.arn, providerArn: provider.arn }],
        nameId: opts.username,
        nameIdFormat: NAMEID_PERSISTENT,
        roleSessionName: opts.username,
        sessionDuration,
      });
      shown.push(`2. signed an assertion for ${opts.username} listing ${role.arn}${sessionDuration === undefined ? '' : ` (SessionDuration ${sessionDuration})`}`);
      const answer = await assumeRoleWithSaml(clients.sts, { roleArn: role.arn, principalArn: provider.arn, samlAssertion, durationSeconds });
      shown.push(
        `3. AssumeRoleWithSAML${durationSeconds === undefined ? '' : ` (DurationSeconds ${durationSeconds})`} → credentials expiring ${minutesFromNow(answer.credentials.expiration)}`,
        `   Subject       ${answer.subject ?? '(none)'}`,
        `   SubjectType   ${answer.subjectType ?? '(none)'}`,
        `   Issuer        ${answer.issuer ?? '(none)'}`,
        `   Audience      ${answer.audience ?? '(none)'}`,
        `   NameQualifier ${answer.nameQualifier ?? '(none)'}`,
      );
      const who = await callerIdentity(clients, answer.credentials);
      shown.push(`4. GetCallerIdentity → ${who.arn}`);
    },
  };
}
