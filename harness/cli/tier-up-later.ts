import { setFlagsFromString } from 'node:v8';

/**
 * A contract run is short (about four seconds for 211 cases) and its code is
 * broad: thousands of SDK, harness and emulator functions each run a few
 * hundred times. V8's default budget sends many of them to its optimizing
 * compiler, whose background threads then compete for the machine's two
 * cores with the run itself, for code that is soon not needed again.
 * A larger budget lets only the truly hot functions be optimized: measured
 * with `npm run bench` and --cpu-prof on 2 cores, about 0.9 s less CPU and
 * 0.4 s less wall time per `npm start`, the same verdicts. `idchain emulator`
 * is a long-lived server, where the default serves best; a budget given to
 * node itself (`node --interrupt-budget=N …`) is left as it is. Imported first by
 * main.ts, so it applies before the rest is loaded (the flag is read as
 * functions are compiled; setting it early is what V8 tolerates best).
 */
const INTERRUPT_BUDGET = 3_000_000;

const chosen = process.execArgv.some((arg) => arg.startsWith('--interrupt-budget'));
if (process.argv[2] !== 'emulator' && !chosen) setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
