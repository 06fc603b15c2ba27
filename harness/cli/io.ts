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
  /** SIGINT wiring; tests pass a controller of their own. */
  onInterrupt?(handler: () => void): () => void;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
  terminal: process.stdout.isTTY ? { write: (text) => void process.stdout.write(text) } : undefined,
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
