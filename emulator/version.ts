/** The reference emulator's version, as GET /_idchain/health and the harness's provenance report it. */
export const EMULATOR_VERSION = '0.1.0';
