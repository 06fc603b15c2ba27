import { seconds } from '../report/format';
import type { Verdict } from '../runner/result';
import type { CliIo, Terminal } from './io';

export interface ProgressOptions {
  /** Cases the run will report, for the status line's `[done/total]`. */
  total: number;
  /** A line for the case log: stdout, or stderr when stdout carries JSON. */
  out(line: string): void;
  /** Diagnostics (provisioning, teardown): stderr. */
  err(line: string): void;
  /** Given only when stdout is a terminal: one status line with the counts, rewritten in place. */
  terminal?: Terminal;
  /** Summaries only: no case lines, no status line, no diagnostics. */
  quiet?: boolean;
}

/** What a finished case says to progress: a CaseResult or a report case. */
export interface FinishedCase {
  id: string;
  verdict: Verdict;
  durationMs: number;
}

const MARK: Record<Verdict, string> = { pass: 'pass', fail: 'FAIL', unsupported: 'unsupported', error: 'ERROR' };
const CLEAR = '\r\x1b[2K';

/**
 * Live progress of a run: one line per case as it finishes (verdict, time,
 * id), and on a terminal a status line under them with the counts so far,
 * redrawn after every line so diagnostics never tear it. Nothing is animated
 * when stdout is not a terminal: CI logs get the plain lines only.
 */
export class Progress {
  private readonly counts: Record<Verdict, number> = { pass: 0, fail: 0, unsupported: 0, error: 0 };
  private done = 0;
  private drawn = false;

  constructor(private readonly options: ProgressOptions) {}

  /** A case finished; `target` prefixes its line when several targets run (conformance). */
  onCase(c: FinishedCase, target?: string): void {
    this.done++;
    this.counts[c.verdict]++;
    if (this.options.quiet) return;
    this.above(() => this.options.out(`${target ? `${target}  ` : ''}${MARK[c.verdict].padEnd(11)} ${seconds(c.durationMs).padStart(8)}  ${c.id}`));
  }

  /** A diagnostic line, on stderr, under `[idchain]`. */
  log(line: string): void {
    if (this.options.quiet) return;
    this.above(() => this.options.err(`[idchain] ${line}`));
  }

  /** The status line goes; what follows (the summary) starts on a clean line. */
  finish(): void {
    if (this.drawn) this.options.terminal!.write(CLEAR);
    this.drawn = false;
  }

  /** The counts as the status line shows them. */
  status(): string {
    const c = this.counts;
    const width = String(this.options.total).length;
    return `[${String(this.done).padStart(width)}/${this.options.total}] ${c.pass} pass, ${c.fail} fail, ${c.unsupported} unsupported, ${c.error} error`;
  }

  private above(print: () => void): void {
    const terminal = this.options.terminal;
    if (this.drawn) terminal!.write(CLEAR);
    print();
    if (terminal) {
      terminal.write(this.status());
      this.drawn = true;
    }
  }
}

/**
 * Progress as a command shows it: case lines on stdout, or on stderr when
 * stdout carries JSON; the status line only on a terminal stdout that
 * carries no JSON.
 */
export function progressFor(io: CliIo, options: { total: number; quiet?: boolean; json?: boolean }): Progress {
  return new Progress({
    total: options.total,
    quiet: options.quiet,
    out: options.json ? (line) => io.err(line) : (line) => io.out(line),
    err: (line) => io.err(line),
    terminal: options.json || options.quiet ? undefined : io.terminal,
  });
}
