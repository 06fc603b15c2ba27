import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { flowCommand } from '../harness/cli/commands/flow';
import { createClients } from '../harness/clients/factory';
import { childEnv, idchainResources, startCli } from './cli-process';

// `flow --keep` keeps the throwaway resources and the reference emulator that
// holds them, and prints how to delete them. That hint is run here as printed
// (npx idchain → bin/idchain.js), in a process of its own, while the emulator
// still runs: it must delete everything and say so.
const work = mkdtempSync(join(tmpdir(), 'idchain-flow-keep-'));
const cwd = process.cwd();
beforeAll(() => process.chdir(work)); // the ledger lands in ./.idchain, where the hint says
afterAll(() => {
  process.chdir(cwd);
  rmSync(work, { recursive: true, force: true });
});

test('the --keep hint is a command that works: endpoint, Region and the emulator’s own keys', async () => {
  const out: string[] = [];
  let stop: () => void = () => {};
  const until = new Promise<void>((r) => (stop = r));
  const flow = flowCommand({ name: 'enhanced', target: 'reference', username: 'alice', groups: 'admin', keep: true, until }, { out: (t) => void out.push(t), err: () => {} });
  while (!out.join('\n').includes('keeps running')) await new Promise((r) => setTimeout(r, 20));

  const hint = /^ {2}(AWS_ACCESS_KEY_ID=(\S+) AWS_SECRET_ACCESS_KEY=(\S+)) npx idchain (sweep .*)$/m.exec(out.join('\n'));
  expect(hint?.[4]).toMatch(/^sweep --target reference --endpoint http:\/\/127\.0\.0\.1:\d+ --region us-east-1 --older-than 0s$/);
  const [, , accessKeyId, secretAccessKey, command] = hint!;
  const endpoint = /--endpoint (\S+)/.exec(command)![1];
  const admin = createClients({ region: 'us-east-1', endpoint, credentials: { accessKeyId, secretAccessKey } });
  try {
    const kept = await idchainResources(admin);
    expect(kept.length).toBeGreaterThan(0);

    const sweep = startCli(command.split(' '), { cwd: work, env: childEnv({ AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey }) });
    const exit = await sweep.exited;
    expect({ code: exit.code, output: exit.code === 0 ? '' : sweep.stdout + sweep.stderr }).toEqual({ code: 0, output: '' });
    expect(sweep.stdout).toMatch(/ledgers: 1 removed, 0 kept$/m);
    expect(await idchainResources(admin)).toEqual([]);
    expect(existsSync(join(work, '.idchain', 'ledger')) ? readdirSync(join(work, '.idchain', 'ledger')) : []).toEqual([]);
  } finally {
    admin.destroy();
    stop();
  }
  expect(await flow).toBe(0);
});
