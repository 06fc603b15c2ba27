// Helpers for this directory's tests: drive operations without HTTP.
import { ManualClock } from '../clock';
import type { MutantName } from '../mutants';
import type { Operation, RequestContext } from '../service';
import { createState, type EmulatorState } from '../state';
import { createIdpService } from './service';

export interface IdpHarness {
  state: EmulatorState;
  clock: ManualClock;
  /** Run an operation by its AWS name, as a signed caller unless `unsigned`. */
  call(operation: string, input: Record<string, unknown>, opts?: { unsigned?: boolean }): Promise<any>;
  /** Run an operation and return the AwsServiceError it throws. */
  fail(operation: string, input: Record<string, unknown>, opts?: { unsigned?: boolean }): Promise<{ code: string; status: number; message: string }>;
}

export function idpHarness(mutants: MutantName[] = []): IdpHarness {
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  const state = createState({ accountId: '123456789012', region: 'us-east-1', clock, mutants: new Set(mutants) });
  const service = createIdpService(state);
  const call = async (operation: string, input: Record<string, unknown>, opts: { unsigned?: boolean } = {}) => {
    const handler: Operation | undefined = service.operations[operation];
    if (!handler) throw new Error(`no operation ${operation}`);
    const ctx: RequestContext = {
      state,
      requestId: 'test',
      service: 'cognito-idp',
      operation,
      caller: opts.unsigned
        ? undefined
        : { kind: 'user', accountId: '123456789012', arn: 'arn:aws:iam::123456789012:user/t', userId: 'AIDATEST', userName: 't' },
      region: 'us-east-1',
      now: clock.now(),
    };
    return handler(input, ctx);
  };
  const fail = async (operation: string, input: Record<string, unknown>, opts?: { unsigned?: boolean }) => {
    try {
      await call(operation, input, opts);
    } catch (err) {
      return err as { code: string; status: number; message: string };
    }
    throw new Error(`${operation} succeeded; expected an error`);
  };
  return { state, clock, call, fail };
}
