/**
 * Main-thread CPU per function from `node --cpu-prof` profiles, averaged over
 * several runs: inclusive ms (a recursive function counted once per sample)
 * and self ms, heaviest first.
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/p1 dist/harness/cli/main.js run --target reference --quiet
 *   npx tsx scripts/cpu-profile.ts /tmp/p1/*.0.001.cpuprofile /tmp/p2/*.0.001.cpuprofile --match='harness/golden' --top=30
 *
 * The main thread's profile is the `.0.001.cpuprofile` one. A sample the OS
 * delayed (the thread descheduled on a busy machine) counts at most 2 ms, so a
 * stall is not read as CPU spent where it happened to land; `--wall` counts it whole.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const args = process.argv.slice(2);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const files = args.filter((a) => !a.startsWith('--'));
const match = new RegExp(option('match') ?? '');
const top = Number(option('top') ?? 40);
const wall = args.includes('--wall');

const label = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/.*\/(dist|node_modules)\//, '')}:${n.callFrame.lineNumber + 1}`;
const totals = new Map<string, { self: number; inclusive: number }>();

for (const file of files) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  profile.samples.forEach((leaf, i) => {
    const delta = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const ms = wall ? delta : Math.min(delta, 2);
    const seen = new Set<string>();
    for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) {
      const key = label(byId.get(id)!);
      const t = totals.get(key) ?? { self: 0, inclusive: 0 };
      if (!seen.has(key)) t.inclusive += ms / files.length;
      if (id === leaf) t.self += ms / files.length;
      seen.add(key);
      totals.set(key, t);
    }
  });
}

console.log('inclusive ms   self ms  function');
for (const [key, t] of [...totals].filter(([k]) => match.test(k)).sort((a, b) => b[1].inclusive - a[1].inclusive).slice(0, top)) {
  console.log(`${t.inclusive.toFixed(0).padStart(12)} ${t.self.toFixed(0).padStart(9)}  ${key}`);
}
