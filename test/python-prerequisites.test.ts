import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { MOTO_MODULES, planPythonTests, whyPythonCannot, type PythonRunner } from './python-prerequisites';

// The helper every python-backed test goes through, on a fake python3.
const python = (answer: ReturnType<PythonRunner>): PythonRunner & { asked: string[][] } => {
  const asked: string[][] = [];
  const run = ((args: string[]) => {
    asked.push(args);
    return answer;
  }) as PythonRunner & { asked: string[][] };
  run.asked = asked;
  return run;
};

test('asks python3 for the modules by name, without importing them', () => {
  const run = python({ status: 0, stdout: '\n' });
  expect(whyPythonCannot(['moto', 'boto3'], run)).toBeUndefined();
  expect(run.asked).toHaveLength(1);
  expect(run.asked[0].slice(-2)).toEqual(['moto', 'boto3']);
  expect(run.asked[0][1]).toContain('importlib.util.find_spec');
});

test('missing modules fail with one line naming them, how to install them, and how to skip', () => {
  const plan = planPythonTests(MOTO_MODULES, {}, python({ status: 0, stdout: 'moto flask_cors\n' }));
  expect(plan).toEqual({
    run: false,
    skip: false,
    line: "These tests need python3 with moto, boto3, flask, flask_cors, and python3 cannot find moto, flask_cors. Install them (pip install 'moto[server]' boto3), or set IDCHAIN_SKIP_MOTO=1 to report these tests as skipped.",
  });
  expect((plan as { line: string }).line).not.toContain('\n');
});

test('no python3 at all is said as such', () => {
  const enoent = Object.assign(new Error('spawnSync python3 ENOENT'), { code: 'ENOENT' });
  expect(whyPythonCannot(['boto3'], python({ status: null, stdout: '', error: enoent }))).toBe('python3 was not found on PATH');
});

test('IDCHAIN_SKIP_MOTO=1 skips only when something is missing; anything else than 1 does not skip', () => {
  const missing = python({ status: 0, stdout: 'boto3\n' });
  expect(planPythonTests(['boto3'], { IDCHAIN_SKIP_MOTO: '1' }, missing)).toEqual({ run: false, skip: true });
  expect(planPythonTests(['boto3'], { IDCHAIN_SKIP_MOTO: 'true' }, missing)).toMatchObject({ run: false, skip: false });
  expect(planPythonTests(['boto3'], { IDCHAIN_SKIP_MOTO: '1' }, python({ status: 0, stdout: '' }))).toEqual({ run: true });
});

describe('in jest itself, on a module no python3 has', () => {
  // A jest of its own on test/fixtures/python-missing.fixture.ts, with and without the skip variable.
  const jestOn = (env: NodeJS.ProcessEnv) =>
    new Promise<{ json: { numPassedTests: number; numFailedTests: number; numPendingTests: number }; stderr: string }>((resolve, reject) => {
      const root = join(__dirname, '..');
      // An inline config: loading jest.config.ts goes through ts-node, three times slower.
      const config = { rootDir: root, roots: ['<rootDir>/test/fixtures'], testMatch: ['**/python-missing.fixture.ts'], transform: { '^.+\\.ts$': 'babel-jest' }, testEnvironment: 'node' };
      const args = [join(root, 'node_modules', 'jest', 'bin', 'jest.js'), '--ci', '--json', '--config', JSON.stringify(config)];
      execFile(process.execPath, args, { cwd: root, env: { ...process.env, ...env } }, (err, stdout, stderr) => {
        try {
          resolve({ json: JSON.parse(stdout), stderr });
        } catch {
          reject(err ?? new Error(`jest printed no JSON: ${stderr}`));
        }
      });
    });

  test('without IDCHAIN_SKIP_MOTO the file fails with the one line; with IDCHAIN_SKIP_MOTO=1 its test is skipped, never passed', async () => {
    const [failing, skipped] = await Promise.all([jestOn({ IDCHAIN_SKIP_MOTO: '' }), jestOn({ IDCHAIN_SKIP_MOTO: '1' })]);
    expect(failing.json).toMatchObject({ numPassedTests: 0, numFailedTests: 1, numPendingTests: 0 });
    expect(failing.stderr).toContain(
      "These tests need python3 with idchain_no_such_module, and python3 cannot find idchain_no_such_module. Install them (pip install idchain_no_such_module), or set IDCHAIN_SKIP_MOTO=1 to report these tests as skipped.",
    );
    expect(failing.stderr).not.toMatch(/at .*python-prerequisites\.ts/);
    expect(skipped.json).toMatchObject({ numPassedTests: 0, numFailedTests: 0, numPendingTests: 1 });
  });
});

test('IDCHAIN_PYTHON names the interpreter, as it does for the moto target', () => {
  const plan = planPythonTests(['boto3'], { IDCHAIN_PYTHON: '/opt/py/bin/python3.12' }, python({ status: 0, stdout: 'boto3' }));
  expect((plan as { line: string }).line).toMatch(/^These tests need \/opt\/py\/bin\/python3\.12 with boto3, and \/opt\/py\/bin\/python3\.12 cannot find boto3\./);
});

test('the install hint names the pip packages that bring the modules', () => {
  const line = (modules: string[]) => (planPythonTests(modules, {}, python({ status: 0, stdout: modules.join(' ') })) as { line: string }).line;
  expect(line(['boto3', 'botocore'])).toContain('Install them (pip install boto3), or');
  expect(line([...MOTO_MODULES])).toContain("Install them (pip install 'moto[server]' boto3), or");
});
