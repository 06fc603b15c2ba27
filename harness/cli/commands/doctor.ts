import { doctorExitCode, formatCheck } from '../../contract/doctor/doctor-check';
import { runDoctor, type DoctorOptions } from '../../contract/doctor/run-doctor';
import type { CliIo } from '../io';
import type { RunControl } from '../run-control';

export interface DoctorCommandOptions extends Pick<DoctorOptions, 'target' | 'endpoint' | 'region' | 'asRunner' | 'permissionsBoundary' | 'env' | 'awsDeps' | 'runner' | 'suites'> {
  /** Signals, deadline and timeouts (cli/run-control.ts). */
  control?: RunControl;
}

/**
 * `idchain doctor`: can a run start on this target? One line per check —
 * credentials and caller, account allow-list, Region, endpoints, every
 * permission the run needs, quotas, leftovers — each ok, warn or fail with
 * what to do. Exit 0 when a run can start, 2 when a check failed, 3 when the
 * target or its credentials cannot be reached.
 */
export async function doctorCommand(opts: DoctorCommandOptions, io: CliIo): Promise<number> {
  const { control, ...rest } = opts;
  const checks = await runDoctor({ ...rest, signal: control?.signal, timeouts: control?.limits.http, log: (line) => io.err(`[idchain] ${line}`) });
  io.out(checks.map(formatCheck).join('\n'));
  const code = doctorExitCode(checks);
  io.out(code === 0 ? 'a run can start' : `a run cannot start: ${checks.filter((c) => c.status === 'fail').length} check(s) failed`);
  return code;
}
