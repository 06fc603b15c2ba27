/**
 * Preload that prints how much main-thread CPU a run spent in the golden
 * pipeline's entry points, from the thread's own scheduler account
 * (/proc/<pid>/task/<pid>/schedstat, Linux only): unlike --cpu-prof's samples,
 * time the thread spent descheduled on a busy machine is not counted.
 *
 *   npm run build && node -r ./scripts/main-thread-cpu.cjs dist/harness/cli/main.js run --target reference --quiet
 *
 * Prints to stderr at exit, e.g. `main-thread cpu ms: judgeCase=53 applyBaseline=0 loadBaselineGoldens=25 writeReport=23 total=2700`.
 * judgeCase counts the calls made through the module's exports (a run's live progress);
 * applyBaseline counts all of its own time, the judgeCase calls it makes inside included.
 */
const Module = require('node:module');
const { openSync, readSync } = require('node:fs');
const { isMainThread } = require('node:worker_threads');

if (isMainThread) {
  const fd = openSync(`/proc/${process.pid}/task/${process.pid}/schedstat`, 'r');
  const buf = Buffer.alloc(128);
  const onCpuMs = () => Number(buf.toString('latin1', 0, readSync(fd, buf, 0, buf.length, 0)).split(' ')[0]) / 1e6;
  const spent = {};
  const measured = (name, fn) =>
    function (...args) {
      const start = onCpuMs();
      try {
        return fn.apply(this, args);
      } finally {
        spent[name] = (spent[name] ?? 0) + onCpuMs() - start;
      }
    };
  const wrapped = new Set();
  const require = Module.prototype.require;
  Module.prototype.require = function (id) {
    const exports = require.apply(this, arguments);
    if (/golden\/apply-baseline$|report\/write-report$/.test(id) && !wrapped.has(exports)) {
      wrapped.add(exports);
      for (const name of ['judgeCase', 'applyBaseline', 'loadBaselineGoldens', 'writeReport']) {
        if (typeof exports[name] === 'function') Object.defineProperty(exports, name, { value: measured(name, exports[name]), enumerable: true });
      }
    }
    return exports;
  };
  process.on('exit', () => {
    const parts = Object.entries(spent).map(([name, ms]) => `${name}=${ms.toFixed(0)}`);
    process.stderr.write(`main-thread cpu ms: ${parts.join(' ')} total=${onCpuMs().toFixed(0)}\n`);
  });
}
