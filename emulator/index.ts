/**
 * The reference emulator's one door: the harness, and a team's own code
 * (`idchain/emulator`), use it through these exports only.
 */
export { startEmulator, createServices, EMULATOR_VERSION, type EmulatorOptions, type StartedEmulator } from './start';
export { startEmulatorThread, canStartEmulatorThread, type ThreadEmulatorOptions } from './thread-host';
export { MUTANTS, type MutantName } from './mutants';
export type { Clock } from './clock';
export { EmulatorOptionError, parseAdminKeys, type AdminKeys } from './admin-keys';
export { CONTROL_SIGNING_SERVICE, HEALTH_PATH, RESET_PATH, type EmulatorHealth } from './control';
