import { AuthError, verifySignature, type IncomingRequest } from './auth/sigv4';
import type { CredentialRecord } from './principal';
import type { WireResponse } from './protocol/wire';

/** What a client signs a reset for: `--aws-sigv4 "aws:amz:<region>:idchain"` in curl. */
export const CONTROL_SIGNING_SERVICE = 'idchain';

export const HEALTH_PATH = '/_idchain/health';
export const RESET_PATH = '/_idchain/reset';
export const WEATHER_PATH = '/_idchain/weather';

/** What GET /_idchain/health answers: enough for a client to wait for the emulator and configure itself. */
export interface EmulatorHealth {
  status: 'running';
  services: string[];
  region: string;
  version: string;
}

export interface ControlPlane {
  health(): EmulatorHealth;
  /** The administrator's credential record: the only key a reset is accepted from. */
  admin(): CredentialRecord;
  now(): Date;
  /** Forget every resource, keeping the administrator and its keys. */
  reset(): void;
  /** The weather's counters (WeatherStats). */
  weather(): unknown;
}

/**
 * The emulator's own endpoints, beside the AWS ones: AWS has no such paths,
 * and `_` cannot occur in an S3 bucket name, so none can shadow a bucket.
 *
 * Health is open: it tells nothing secret, and CI waits on it before it has
 * keys. Reset destroys everyone's state, so it must be signed (SigV4, service
 * `idchain`, the emulator's Region) with the administrator's own keys; the same
 * verifier as the AWS operations applies (15-minute window, payload hash).
 * Loopback-only was the other choice, and it is weaker on both sides: any web
 * page a developer opens can POST to 127.0.0.1 (no CORS preflight guards a
 * simple POST), and an emulator in a container sees its host's calls arrive
 * from a bridge address, not loopback. A signature needs the secret.
 */
export function controlAnswer(request: IncomingRequest, plane: ControlPlane): WireResponse | undefined {
  if (!request.path.startsWith('/_idchain/')) return undefined;
  if (request.path === HEALTH_PATH) {
    return request.method === 'GET' || request.method === 'HEAD' ? json(200, plane.health()) : notAllowed(request, 'GET');
  }
  // Open like health: counters only. The emulator's own routes are never weathered: they are not AWS.
  if (request.path === WEATHER_PATH) {
    return request.method === 'GET' || request.method === 'HEAD' ? json(200, { weather: plane.weather() }) : notAllowed(request, 'GET');
  }
  if (request.path === RESET_PATH) {
    if (request.method !== 'POST') return notAllowed(request, 'POST');
    const admin = plane.admin();
    try {
      verifySignature(request, (id) => (id === admin.accessKeyId ? admin : undefined), plane.now(), {
        service: CONTROL_SIGNING_SERVICE,
        region: plane.health().region,
      });
    } catch (err) {
      if (!(err instanceof AuthError)) throw err;
      const why = err.failure === 'unknown-key' ? 'the key is not the administrator’s' : err.message;
      return json(403, {
        error: 'AccessDenied',
        message: `POST ${RESET_PATH} must be signed with the emulator administrator's keys (SigV4, service '${CONTROL_SIGNING_SERVICE}', region '${plane.health().region}'): ${why}`,
      });
    }
    plane.reset();
    return json(200, { status: 'reset' });
  }
  return json(404, { error: 'NotFound', message: `No such emulator endpoint: ${request.path}. Expected ${HEALTH_PATH} (GET), ${WEATHER_PATH} (GET) or ${RESET_PATH} (POST, signed).` });
}

function notAllowed(request: IncomingRequest, allowed: string): WireResponse {
  return { ...json(405, { error: 'MethodNotAllowed', message: `${request.method} ${request.path} is not allowed. Expected ${allowed}.` }), headers: { 'content-type': 'application/json', allow: allowed } };
}

function json(status: number, body: unknown): WireResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}
