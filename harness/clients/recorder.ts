import { AsyncLocalStorage } from 'node:async_hooks';
import type { ServiceName } from '../targets/target';
import { sensitivePaths } from '../secrets/sdk-sensitive';
import { toStepError, type StepError } from './sdk-errors';
import { recordableInput, recordableOutput } from './s3-bodies';

/** One SDK call inside a case, captured as it happened (DESIGN.md § Concepts, step). */
export interface RecordedStep {
  service: ServiceName;
  operation: string;
  input: unknown;
  output?: unknown;
  error?: StepError;
  httpStatus?: number;
  /**
   * Paths the SDK's model marks sensitive (`input.AuthParameters`,
   * `output.Credentials.SecretKey`), from the command's own log filters:
   * what normalization redacts.
   */
  sensitive?: string[];
  /** The host that answered (the request's hostname): provenance `aws` is only for answers from AWS's own endpoints. */
  host?: string;
  /** Epoch ms when the call was sent; used to derive lifetimes, never stored raw. */
  sentAt: number;
  durationMs: number;
}

const CLIENT_SERVICES: Record<string, ServiceName> = {
  CognitoIdentityProviderClient: 'cognito-idp',
  CognitoIdentityClient: 'cognito-identity',
  STSClient: 'sts',
  IAMClient: 'iam',
  S3Client: 's3',
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

/** The SDK's log filters, which hide the members its model marks sensitive (HandlerExecutionContext). */
interface SensitiveLogFilters {
  inputFilterSensitiveLog?: (input: any) => any;
  outputFilterSensitiveLog?: (output: any) => any;
}

function sdkSensitive(context: SensitiveLogFilters, input: unknown, output: unknown): string[] {
  const filter = (fn: ((v: any) => any) | undefined, value: unknown) => (fn && value !== undefined ? fn(value) : undefined);
  return [
    ...sensitivePaths(input, filter(context.inputFilterSensitiveLog, input), 'input'),
    ...sensitivePaths(output, filter(context.outputFilterSensitiveLog, output), 'output'),
  ];
}

/** What the host middleware leaves in the call's context for the recorder. */
interface HostContext {
  idchainHost?: string;
}

/** Runs once the request is built, so it sees the hostname the call really goes to (endpoint resolution done). */
export const hostMiddlewareOptions = { step: 'finalizeRequest' as const, name: 'idchainRequestHost', override: true };

export function hostMiddleware(next: (args: any) => Promise<any>, context: HostContext) {
  return (args: { request?: { hostname?: string } }) => {
    context.idchainHost = args.request?.hostname;
    return next(args);
  };
}

export function recorderMiddleware(next: (args: any) => Promise<any>, context: { clientName?: string; commandName?: string } & SensitiveLogFilters & HostContext) {
  return async (args: { input: unknown }) => {
    const sink = current.getStore();
    if (!sink) return next(args);
    const service = CLIENT_SERVICES[context.clientName ?? ''];
    const operation = (context.commandName ?? 'Unknown').replace(/Command$/, '');
    const sentAt = Date.now();
    const input = structuredClone(recordableInput(args.input));
    try {
      const result = await next(args);
      const output = stripMetadata(await recordableOutput(result.output));
      sink.add({
        service,
        operation,
        input,
        output,
        httpStatus: result.output?.$metadata?.httpStatusCode,
        sensitive: sdkSensitive(context, input, output),
        host: context.idchainHost,
        sentAt,
        durationMs: Date.now() - sentAt,
      });
      return result;
    } catch (err) {
      const error = toStepError(err);
      sink.add({
        service,
        operation,
        input,
        error,
        httpStatus: error.httpStatus,
        sensitive: sdkSensitive(context, input, undefined),
        host: context.idchainHost,
        sentAt,
        durationMs: Date.now() - sentAt,
      });
      throw err;
    }
  };
}
