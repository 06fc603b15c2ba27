import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type StartedEmulator } from '../harness';
import { createClients, type Clients } from '../harness/clients/factory';
import { readLedger } from '../harness/provisioning/ledger';
import { childEnv, idchainResources, startCli } from './cli-process';

// Real runs of the CLI (the package's bin), killed — SIGKILL to its whole
// process group — at seeded random moments, against one long-lived
// emulator; then `idchain sweep`, a real process too. After each: nothing
// named idchain- is left on the emulator (every kind, asked through its own
// API), and what sweep printed is exactly what the emulator held.
//
// The moments are requests the emulator has received: its observer runs once
// the answer is decided and before it is sent, so a kill there lands after a
// create took effect and before the CLI could ledger its answer — the window
// a crash leaves a `creating` line with no id. Seed: IDCHAIN_CRASH_SEED.
const SEED = Number(process.env.IDCHAIN_CRASH_SEED ?? 20260611);
const SUITES = 'enhanced-flow,web-identity-oidc,saml-federation';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** When to kill: the n-th request for `operation` (any operation when undefined). */
interface KillPoint {
  operation?: string;
  nth: number;
}

function schedule(seed: number): KillPoint[] {
  const random = mulberry32(seed);
  const pick = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const points: KillPoint[] = [
    // One create of each kind the ledger holds, cut off before its answer.
    { operation: 'CreateUserPool', nth: pick(1, 2) },
    { operation: 'CreateIdentityPool', nth: 1 },
    { operation: 'CreateRole', nth: pick(1, 4) },
    { operation: 'CreateOpenIDConnectProvider', nth: 1 },
    { operation: 'CreateSAMLProvider', nth: 1 },
    // And anywhere in provisioning, the propagation wait or the first cases.
    { nth: pick(2, 40) },
    { nth: pick(41, 120) },
    { nth: pick(121, 200) },
  ];
  for (let i = points.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [points[i], points[j]] = [points[j], points[i]];
  }
  return points;
}

const work = mkdtempSync(join(tmpdir(), 'idchain-crash-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let emulator: StartedEmulator;
let admin: Clients;
let observer: ((operation: string) => void) | undefined;
beforeAll(async () => {
  emulator = await startEmulator({ observe: ({ operation }) => observer?.(operation) });
  admin = createClients({ region: emulator.region, endpoint: emulator.url, credentials: emulator.credentials });
});
afterAll(async () => {
  admin.destroy();
  await emulator.stop();
});

const keys = () => childEnv({ AWS_ACCESS_KEY_ID: emulator.credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: emulator.credentials.secretAccessKey });
const STATUS = /^ {2}(deleted|already gone|still present|could not read|would delete) +(\S+) +(\S+)(?: {2}(?!— )(\S+))?/;

/** What sweep printed per resource: `status kind key`, the key an OIDC provider's ARN (IAM names it by URL), else its name. */
function reported(stdout: string): string[] {
  return stdout
    .split('\n')
    .flatMap((line) => {
      const m = STATUS.exec(line);
      if (!m) return [];
      const [, status, kind, name, ids] = m;
      return [`${status} ${kind} ${kind === 'oidc-provider' ? ids : name}`];
    })
    .sort();
}

/** Each `creating` line of the ledgers in dir, keyed as sweep prints a resource (an OIDC provider by its ARN). */
function ledgerIntents(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((file) =>
    readLedger(join(dir, file))
      .entries.filter((e) => e.op === 'creating')
      .map((e) => `${e.kind} ${e.kind === 'oidc-provider' ? e.id ?? e.name : e.name}`),
  );
}

/** What the emulator holds, keyed the same way. */
async function held(): Promise<string[]> {
  return (await idchainResources(admin)).map((r) => r.replace(/^oidc-provider \S+ \((.+)\)$/, 'oidc-provider $1')).sort();
}

const points = schedule(SEED);

test.each(points.map((p, i) => [i + 1, p.operation ?? 'any request', p.nth, p]))(
  `seed ${SEED}, kill %i: at %s #%i, SIGKILL to the process group; sweep leaves nothing and reports what it found`,
  async (_i, _what, _nth, point) => {
    const cwd = mkdtempSync(join(work, 'run-'));
    const run = startCli(['run', '--target', 'crash', '--endpoint', emulator.url, '--suite', SUITES, '--report-dir', 'reports'], { cwd, env: keys(), group: true });
    let seen = 0;
    let killed = false;
    observer = (operation) => {
      if (killed || (point.operation && operation !== point.operation) || ++seen < point.nth) return;
      killed = true;
      process.kill(-run.child.pid!, 'SIGKILL'); // before the emulator sends this request's answer
    };
    const exit = await run.exited;
    observer = undefined;
    expect([killed, exit.signal]).toEqual([true, 'SIGKILL']);

    const before = await held();
    // The run's intents, read before sweep removes the ledger: a create the run sent just before the
    // kill can still be finishing inside the emulator (its pool's key on the thread pool), after
    // `before` was taken. Sweep finds such a resource by its ledgered name and deletes it too.
    const intents = ledgerIntents(join(cwd, '.idchain', 'ledger'));
    const sweep = startCli(['sweep', '--target', 'crash', '--older-than', '1d'], { cwd, env: keys() });
    const swept = await sweep.exited;
    expect({ code: swept.code, stderr: swept.code === 0 ? '' : sweep.stdout + sweep.stderr }).toEqual({ code: 0, stderr: '' });

    // Nothing of idchain's is left, of any kind, and no ledger.
    expect(await held()).toEqual([]);
    const ledgerDir = join(cwd, '.idchain', 'ledger');
    expect(existsSync(ledgerDir) ? readdirSync(ledgerDir) : []).toEqual([]);
    // Sweep's report is what the emulator held: each resource it held `deleted`, and `already gone` only for what it did not hold.
    const lines = reported(sweep.stdout);
    const deleted = lines.filter((l) => l.startsWith('deleted ')).map((l) => l.slice('deleted '.length));
    expect(deleted).toEqual(expect.arrayContaining(before));
    // Anything more it deleted is what the run had ledgered an intent for, finished after the kill.
    expect(deleted.filter((d) => !before.includes(d) && !intents.includes(d))).toEqual([]);
    const gone = lines.filter((l) => l.startsWith('already gone ')).map((l) => l.slice('already gone '.length));
    expect(gone.filter((g) => before.includes(g))).toEqual([]);
    expect(lines.filter((l) => !/^(deleted|already gone) /.test(l))).toEqual([]);
    expect(sweep.stdout).toMatch(/ledgers: 1 removed, 0 kept$/m);
  },
);
