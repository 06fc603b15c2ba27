import { closeSync, openSync } from 'node:fs';

/** Where the CLI writes; injected so tests read what a user would see. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** SIGINT wiring; tests pass a controller of their own. */
  onInterrupt?(handler: () => void): () => void;
  /** Nothing more goes to stdout: close it, so a reader waiting for its end (`$(… &)`) goes on. */
  releaseOut?(): void;
}

let out = (text: string): void => void process.stdout.write(text.endsWith('\n') ? text : text + '\n');

export const processIo: CliIo = {
  releaseOut() {
    if (process.stdout.isTTY || process.platform === 'win32') return;
    // Node never closes fd 1 itself, so close it here, then reopen /dev/null until it takes fd 1 again:
    // a stray write later goes nowhere, never into a client's socket that the next accept() numbered 1.
    closeSync(1);
    while (openSync('/dev/null', 'w') < 1);
    out = () => undefined;
  },
  out: (text) => out(text),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
  onInterrupt(handler) {
    let count = 0;
    const listener = () => {
      count++;
      if (count > 1) process.exit(130); // a second Ctrl-C means now
      handler();
    };
    process.on('SIGINT', listener);
    process.on('SIGTERM', listener);
    return () => {
      process.off('SIGINT', listener);
      process.off('SIGTERM', listener);
    };
  },
};
