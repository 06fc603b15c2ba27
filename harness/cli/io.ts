import { closeSync, openSync } from 'node:fs';

/** The signals the CLI handles itself: Ctrl-C, and what a CI runner or a process manager sends to stop it. */
export type StopSignal = 'SIGINT' | 'SIGTERM';
/** A terminal to draw a status line on: stdout when it is a TTY. */
export interface Terminal {
  write(text: string): void;
}

/** Where the CLI writes; injected so tests read what a user would see. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Stdout when it is a terminal, for the live status line; absent when piped or in CI logs. */
  terminal?: Terminal;
  /** SIGINT/SIGTERM wiring; tests pass a controller of their own. Returns how to unhook. */
  onInterrupt?(handler: (signal: StopSignal) => void): () => void;
  /** Nothing more goes to stdout: close it, so a reader waiting for its end (`$(… &)`) goes on. */
  releaseOut?(): void;
}

let out = (text: string): void => void process.stdout.write(text.endsWith('\n') ? text : text + '\n');

/**
 * The package's bin is the CLI itself, one process: a Ctrl-C in a terminal
 * reaches it once, like a `kill` does. The first signal stops the run; a
 * second one (a second Ctrl-C, a second `kill`) quits at once.
 */
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
  terminal: process.stdout.isTTY ? { write: (text) => void process.stdout.write(text) } : undefined,
  onInterrupt(handler) {
    let seen = 0;
    const receive = (signal: StopSignal) => {
      seen++;
      if (seen === 1) return handler(signal);
      process.stderr.write(`idchain: ${signal} again: quitting at once; what was created stays in the ledger for 'idchain sweep'\n`);
      process.exit(signal === 'SIGINT' ? 130 : 143);
    };
    process.on('SIGINT', receive);
    process.on('SIGTERM', receive);
    return () => {
      process.off('SIGINT', receive);
      process.off('SIGTERM', receive);
    };
  },
};
