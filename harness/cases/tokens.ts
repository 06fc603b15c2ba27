import { decodeJwt, decodeProtectedHeader } from 'jose';
import { CaseAborted } from './case-aborted';

/**
 * The claims of a JWT, without verifying it: for reading what a target put in
 * a token. Where AWS promises a JWT and the target gave something else, the
 * case stops with a contract finding rather than a harness error.
 */
export function decodeClaims(token: string, path = 'token'): Record<string, unknown> {
  try {
    return decodeJwt(token) as Record<string, unknown>;
  } catch (err) {
    throw new CaseAborted({ path, kind: 'contract', expected: 'a JWT', actual: `not a JWT (${(err as Error).message})` });
  }
}

export function decodeHeader(token: string, path = 'token'): Record<string, unknown> {
  try {
    return decodeProtectedHeader(token) as Record<string, unknown>;
  } catch (err) {
    throw new CaseAborted({ path, kind: 'contract', expected: 'a JWT', actual: `not a JWT (${(err as Error).message})` });
  }
}
