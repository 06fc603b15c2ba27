/** Where the CLI writes; injected so tests read what a user would see. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** SIGINT wiring; tests pass a controller of their own. */
  onInterrupt?(handler: () => void): () => void;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
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
