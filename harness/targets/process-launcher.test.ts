import { nodeProcessLauncher, runToEnd } from './process-launcher';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Poll until `what` holds. No deadline of its own: a busy machine is slow, not wrong; jest's hang guard ends a real hang. */
async function until(what: () => boolean): Promise<void> {
  while (!what()) await new Promise((r) => setTimeout(r, 20));
}

describe('nodeProcessLauncher', () => {
  it('kills the process and what it started, and keeps the tail of its output', async () => {
    // A parent that starts a long-lived grandchild, prints its pid, and keeps running.
    const script = `
      const { spawn } = require('node:child_process');
      const g = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
      console.log('grandchild ' + g.pid);
      console.error('to stderr');
      setInterval(() => {}, 1000);`;
    const p = nodeProcessLauncher({ command: process.execPath, args: ['-e', script] });
    await until(() => /grandchild \d+/.test(p.outputTail()) && p.outputTail().includes('to stderr'));
    const grandchild = Number(/grandchild (\d+)/.exec(p.outputTail())![1]);
    expect(alive(p.pid!)).toBe(true);
    expect(alive(grandchild)).toBe(true);

    await p.kill();
    expect((await p.exited).signal).toBe('SIGTERM');
    await until(() => !alive(grandchild));
    expect(alive(p.pid!)).toBe(false);
  });

  it('reports a command that does not exist as a spawn error, not a crash', async () => {
    const p = nodeProcessLauncher({ command: 'idchain-no-such-command', args: [] });
    const exit = await p.exited;
    expect(exit.error?.code).toBe('ENOENT');
    await p.kill();
  });

  it('runToEnd returns what a short command printed', async () => {
    const { exit, output } = await runToEnd(nodeProcessLauncher, { command: process.execPath, args: ['-e', 'console.log("1.2.3")'] });
    expect(exit).toMatchObject({ code: 0 });
    expect(output.trim()).toBe('1.2.3');
  });
});
