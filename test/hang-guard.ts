/**
 * How long one test may run before jest calls it hung. Not a performance
 * budget: `npm test` takes three to four minutes on an idle 2-core machine (README
 * § Tests), and its slowest test under a minute even with both cores busy elsewhere. A
 * test still running after ten minutes is stuck (a server that never
 * answers, a promise never settled), and failing it by name beats CI killing
 * the whole run at its own limit with nothing said. Child processes a test
 * waits on synchronously get the same limit, since jest cannot interrupt them.
 */
export const HANG_GUARD_MS = 10 * 60_000;
