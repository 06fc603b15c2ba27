import { ListUserPoolsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { Clients } from '../clients/factory';
import { TargetUnavailableError } from '../errors';
import type { StartedTarget } from '../targets/target';

/**
 * What AWS answers when it does not accept the credentials (STS API
 * "Common Errors": InvalidClientTokenId, SignatureDoesNotMatch,
 * IncompleteSignature, MissingAuthenticationToken, ExpiredToken; Cognito's
 * UnrecognizedClientException, InvalidSignatureException, ExpiredTokenException).
 */
const REFUSED = new Set([
  'InvalidClientTokenId',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'IncompleteSignatureException',
  'MissingAuthenticationToken',
  'MissingAuthenticationTokenException',
  'ExpiredToken',
  'ExpiredTokenException',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'AuthFailure',
]);

/** The target did not answer: a timeout, a refused or dropped connection. */
const SILENT = new Set(['TimeoutError', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT']);

function where(target: Pick<StartedTarget, 'name' | 'endpoint' | 'region'>): string {
  return target.endpoint ? `${target.name} at ${target.endpoint}` : `${target.name} in ${target.region}`;
}

/**
 * Ask the target who the credentials are before anything is created: the
 * account goes into the ledger's header, credentials the target refuses stop
 * the run with exit 3 and the target's reason, and a target that does not
 * answer stops it the same way. A target without STS (cognito-local) is
 * asked something harmless of Cognito instead and has no account. Any other
 * refusal (an operation the target does not implement) is left for the
 * cases to show.
 */
export async function identifyAccount(clients: Clients, target: Pick<StartedTarget, 'name' | 'endpoint' | 'region' | 'services' | 'account'>): Promise<string | undefined> {
  if (target.account) return target.account;
  try {
    if (target.services.includes('sts')) return (await clients.sts.send(new GetCallerIdentityCommand({}))).Account;
    if (target.services.includes('cognito-idp')) await clients.idp.send(new ListUserPoolsCommand({ MaxResults: 1 }));
    return undefined;
  } catch (err) {
    const name = (err as Error)?.name ?? '';
    const code = (err as { code?: string })?.code ?? '';
    const message = (err as Error)?.message ?? String(err);
    if (REFUSED.has(name)) {
      throw new TargetUnavailableError(
        `${where(target)} refused the credentials: ${name}: ${message}. Expected: keys it accepts, in AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (the reference emulator prints its own when it starts: idchain emulator).`,
      );
    }
    if (SILENT.has(name) || SILENT.has(code)) {
      throw new TargetUnavailableError(`${where(target)} did not answer: ${name || code}: ${message}. Check it is running and reachable, or raise --request-timeout.`);
    }
    return undefined;
  }
}
