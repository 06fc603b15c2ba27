import { spawnSync } from 'node:child_process';

// Tests that need python (moto's server, boto3 as a client) say so here, in
// one place. The interpreter is the one the moto target starts: IDCHAIN_PYTHON,
// else python3. With the modules there they run; without them they fail with
// one line saying what is missing, or, when IDCHAIN_SKIP_MOTO=1 is set, jest
// reports them as skipped. Never passed without running.

/** What a test needing moto's server needs: moto with its server extras (flask, flask_cors), and boto3. */
export const MOTO_MODULES = ['moto', 'boto3', 'flask', 'flask_cors'] as const;

/** Set to 1 to report python-backed tests as skipped when their modules are missing, instead of failing. */
export const SKIP_ENV = 'IDCHAIN_SKIP_MOTO';

/** The pip packages that bring `modules`: moto's server extras bring flask and flask_cors, boto3 brings botocore. */
export function installHint(modules: readonly string[]): string {
  const names = new Set<string>();
  for (const m of modules) {
    if (m === 'moto' || m === 'flask' || m === 'flask_cors') names.add("'moto[server]'");
    else if (m === 'boto3' || m === 'botocore') names.add('boto3');
    else names.add(m);
  }
  return `pip install ${[...names].join(' ')}`;
}

/** How the check reaches python: spawnSync by default, a fake in this helper's own tests. */
export type PythonRunner = (args: string[]) => { status: number | null; stdout: string; error?: NodeJS.ErrnoException };

/** The interpreter the moto target starts (harness/targets/moto.ts): IDCHAIN_PYTHON, else python3. */
export const pythonCommand = (env: NodeJS.ProcessEnv = process.env) => env.IDCHAIN_PYTHON || 'python3';

const realPython: PythonRunner = (args) => {
  const r = spawnSync(pythonCommand(), args, { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout ?? '', error: r.error as NodeJS.ErrnoException | undefined };
};

// find_spec looks a top-level module up without importing it: ~0.1 s, where importing moto takes ~0.5 s.
const FIND = 'import importlib.util, sys; print(" ".join(m for m in sys.argv[1:] if importlib.util.find_spec(m) is None))';

/** Why python3 cannot serve `modules` (one sentence), or undefined when it can. */
export function whyPythonCannot(modules: readonly string[], run: PythonRunner = realPython, python = pythonCommand()): string | undefined {
  const r = run(['-c', FIND, ...modules]);
  if (r.error?.code === 'ENOENT') return `${python} was not found on PATH`;
  if (r.error || r.status !== 0) return `${python} could not be asked about its modules (${r.error?.message ?? `exit code ${r.status}`})`;
  const missing = r.stdout.trim().split(/\s+/).filter(Boolean);
  return missing.length > 0 ? `${python} cannot find ${missing.join(', ')}` : undefined;
}

export type PythonPlan = { run: true } | { run: false; skip: true } | { run: false; skip: false; line: string };

/** Run, skip or fail, from what python3 lacks and the environment. */
export function planPythonTests(modules: readonly string[], env: NodeJS.ProcessEnv = process.env, run: PythonRunner = realPython): PythonPlan {
  const why = whyPythonCannot(modules, run, pythonCommand(env));
  if (!why) return { run: true };
  if (env[SKIP_ENV] === '1') return { run: false, skip: true };
  return {
    run: false,
    skip: false,
    line: `These tests need ${pythonCommand(env)} with ${modules.join(', ')}, and ${why}. Install them (${installHint(modules)}), or set ${SKIP_ENV}=1 to report these tests as skipped.`,
  };
}

const plans = new Map<string, PythonPlan>();

/**
 * `describe` for tests that need python3 with `modules`, decided when the
 * file loads: the tests as written when python3 has them; `describe.skip`
 * when it does not and IDCHAIN_SKIP_MOTO=1; otherwise one failing test whose
 * whole message is the line saying what is missing.
 */
export function describeWithPython(modules: readonly string[], name: string, body: () => void): void {
  const key = modules.join(' ');
  const plan = plans.get(key) ?? planPythonTests(modules);
  plans.set(key, plan);
  if (plan.run) return describe(name, body);
  if (plan.skip) return describe.skip(name, body);
  describe(name, () => {
    test(`needs python3 with ${modules.join(', ')}`, () => {
      const err = new Error(plan.line);
      err.stack = plan.line; // the line alone: no stack frames pointing into this helper
      throw err;
    });
  });
}

/** `describe` for tests that start moto's server (see {@link describeWithPython}). */
export function describeWithMoto(name: string, body: () => void): void {
  describeWithPython(MOTO_MODULES, name, body);
}
