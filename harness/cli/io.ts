/** The signals the CLI handles itself: Ctrl-C, and what a CI runner or a process manager sends to stop it. */
export type StopSignal = 'SIGINT' | 'SIGTERM';

/** Where the CLI writes; injected so tests read what a user would see. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** SIGINT/SIGTERM wiring; tests pass a controller of their own. Returns how to unhook. */
  onInterrupt?(handler: (signal: StopSignal) => void): () => void;
}

/**
 * A Ctrl-C reaches both the launcher (bin/idchain.js) and the CLI it runs,
 * and the launcher forwards it too: two deliveries of one keypress arrive
 * within milliseconds. Only a signal later than this counts as a second one.
 */
export const SAME_KEYPRESS_MS = 300;

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
  onInterrupt(handler) {
    let first: number | undefined;
    const listener = (signal: StopSignal) => {
      const now = Date.now();
      if (first !== undefined) {
        if (now - first < SAME_KEYPRESS_MS) return;
        process.stderr.write(`idchain: ${signal} again: quitting at once; what was created stays in the ledger for 'idchain sweep'\n`);
        process.exit(signal === 'SIGINT' ? 130 : 143); // a second signal means now
      }
      first = now;
      handler(signal);
    };
    process.on('SIGINT', listener);
    process.on('SIGTERM', listener);
    return () => {
      process.off('SIGINT', listener);
      process.off('SIGTERM', listener);
    };
  },
};
