import { decodeJwt, decodeProtectedHeader } from 'jose';

/** The claims of a JWT, without verifying it: for reading what a target put in a token. */
export function decodeClaims(token: string): Record<string, unknown> {
  return decodeJwt(token) as Record<string, unknown>;
}

export function decodeHeader(token: string): Record<string, unknown> {
  return decodeProtectedHeader(token) as Record<string, unknown>;
}
