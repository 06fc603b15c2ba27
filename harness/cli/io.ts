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
}

/** The message bin/idchain.js sends down its IPC channel for a signal it received: `{ idchainSignal: 'SIGINT' }`. */
export interface RelayedSignal {
  idchainSignal: StopSignal;
}

function isRelayed(message: unknown): message is RelayedSignal {
  const s = (message as Partial<RelayedSignal> | null)?.idchainSignal;
  return s === 'SIGINT' || s === 'SIGTERM';
}

/**
 * A Ctrl-C in a terminal reaches the whole foreground process group: the
 * launcher (bin/idchain.js), which relays it down its IPC channel, and the
 * CLI itself. So signals are counted per way they came: the first, either
 * way, stops the run; a second one the same way (a second Ctrl-C, a second
 * `kill`) quits at once. No clock is involved, so a slow launcher on a busy
 * machine cannot turn one keypress into two.
 */
export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
  terminal: process.stdout.isTTY ? { write: (text) => void process.stdout.write(text) } : undefined,
  onInterrupt(handler) {
    const seen = { direct: 0, relayed: 0 };
    let stopping = false;
    const receive = (signal: StopSignal, way: keyof typeof seen) => {
      seen[way]++;
      if (seen[way] > 1) {
        process.stderr.write(`idchain: ${signal} again: quitting at once; what was created stays in the ledger for 'idchain sweep'\n`);
        process.exit(signal === 'SIGINT' ? 130 : 143);
      }
      if (stopping) return;
      stopping = true;
      handler(signal);
    };
    const direct = (signal: StopSignal) => receive(signal, 'direct');
    const relayed = (message: unknown) => {
      if (isRelayed(message)) receive(message.idchainSignal, 'relayed');
    };
    process.on('SIGINT', direct);
    process.on('SIGTERM', direct);
    process.on('message', relayed);
    return () => {
      process.off('SIGINT', direct);
      process.off('SIGTERM', direct);
      process.off('message', relayed);
    };
  },
};
