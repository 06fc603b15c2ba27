/* eslint-disable @typescript-eslint/no-require-imports */
import type * as Run from './run';
import type * as RecordCmd from './record';
import type * as Conformance from './conformance';
import type * as Flow from './flow';
import type * as Sweep from './sweep';
import type * as Emulator from './emulator';
import type * as MergeReports from './merge-reports';
import type * as Doctor from './doctor';

/**
 * The commands, each loaded only when it runs: `idchain --help` and a typo
 * answer without loading the AWS SDK clients, the emulator or the reports
 * (hundreds of milliseconds of module loading), and `idchain emulator` never
 * loads the harness's runner. require(), not import(): the build is CommonJS.
 */
export const runCommand: typeof Run.runCommand = (...a) => (require('./run') as typeof Run).runCommand(...a);
export const recordCommand: typeof RecordCmd.recordCommand = (...a) => (require('./record') as typeof RecordCmd).recordCommand(...a);
export const conformanceCommand: typeof Conformance.conformanceCommand = (...a) => (require('./conformance') as typeof Conformance).conformanceCommand(...a);
export const flowCommand: typeof Flow.flowCommand = (...a) => (require('./flow') as typeof Flow).flowCommand(...a);
export const sweepCommand: typeof Sweep.sweepCommand = (...a) => (require('./sweep') as typeof Sweep).sweepCommand(...a);
export const emulatorCommand: typeof Emulator.emulatorCommand = (...a) => (require('./emulator') as typeof Emulator).emulatorCommand(...a);
export const mergeReportsCommand: typeof MergeReports.mergeReportsCommand = (...a) => (require('./merge-reports') as typeof MergeReports).mergeReportsCommand(...a);
export const doctorCommand: typeof Doctor.doctorCommand = (...a) => (require('./doctor') as typeof Doctor).doctorCommand(...a);
