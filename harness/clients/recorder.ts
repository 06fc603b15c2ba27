import { AsyncLocalStorage } from 'node:async_hooks';
import type { ServiceName } from '../targets/target';
import { toStepError, type StepError } from './sdk-errors';

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
