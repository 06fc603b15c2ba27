import { AsyncLocalStorage } from 'node:async_hooks';
import type { ServiceName } from '../targets/target';

/** An error as a step keeps it: what the service answered, never a stack. */
export interface StepError {
  name: string;
  httpStatus?: number;
  fault?: 'client' | 'server';
  message: string;
}

/** One SDK call inside a case, captured as it happened (DESIGN.md § Concepts, step). */
export interface RecordedStep {
  service: ServiceName;
  operation: string;
  input: unknown;
  output?: unknown;
  error?: StepError;
  httpStatus?: number;
  /** Epoch ms when the call was sent; used to derive lifetimes, never stored raw. */
  sentAt: number;
  durationMs: number;
}

const CLIENT_SERVICES: Record<string, ServiceName> = {
  CognitoIdentityProviderClient: 'cognito-idp',
  CognitoIdentityClient: 'cognito-identity',
  STSClient: 'sts',
  IAMClient: 'iam',
};

/** Where steps go while a case runs. Calls outside a case (provisioning) are not recorded. */
export class StepSink {
  readonly steps: RecordedStep[] = [];
  add(step: RecordedStep): void {
    this.steps.push(step);
  }
}

const current = new AsyncLocalStorage<StepSink>();

/** Run `fn` with every SDK call it makes (through recorded clients) captured into `sink`. */
export function recordSteps<T>(sink: StepSink, fn: () => Promise<T>): Promise<T> {
  return current.run(sink, fn);
}

function stripMetadata(output: unknown): unknown {
  if (output && typeof output === 'object' && '$metadata' in output) {
    const { $metadata: _ignored, ...rest } = output as Record<string, unknown>;
    return rest;
  }
  return output;
}

/**
 * Turn whatever the SDK threw into a StepError. The name is the error code on
 * the wire, as AWS documents it: for awsQuery services the SDK keeps it in
 * `Code` while renaming some exceptions (STS `InvalidIdentityToken` becomes
 * `InvalidIdentityTokenException`).
 */
export function toStepError(err: unknown): StepError {
  const e = err as { name?: string; Code?: unknown; message?: string; $metadata?: { httpStatusCode?: number }; $fault?: 'client' | 'server' };
  return {
    name: typeof e?.Code === 'string' && e.Code !== '' ? e.Code : (e?.name ?? 'Error'),
    httpStatus: e?.$metadata?.httpStatusCode,
    fault: e?.$fault,
    message: e?.message ?? String(err),
  };
}

/**
 * SDK middleware that records each call into the sink of the case running it.
 * Added to the client's middleware stack by name; nothing is monkey-patched.
 */
export const recorderMiddlewareOptions = { step: 'initialize' as const, name: 'idchainStepRecorder', override: true };

export function recorderMiddleware(next: (args: any) => Promise<any>, context: { clientName?: string; commandName?: string }) {
  return async (args: { input: unknown }) => {
    const sink = current.getStore();
    if (!sink) return next(args);
    const service = CLIENT_SERVICES[context.clientName ?? ''];
    const operation = (context.commandName ?? 'Unknown').replace(/Command$/, '');
    const sentAt = Date.now();
    const input = structuredClone(args.input);
    try {
      const result = await next(args);
      sink.add({
        service,
        operation,
        input,
        output: stripMetadata(result.output),
        httpStatus: result.output?.$metadata?.httpStatusCode,
        sentAt,
        durationMs: Date.now() - sentAt,
      });
      return result;
    } catch (err) {
      const error = toStepError(err);
      sink.add({ service, operation, input, error, httpStatus: error.httpStatus, sentAt, durationMs: Date.now() - sentAt });
      throw err;
    }
  };
}
