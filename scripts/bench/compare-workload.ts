import { median } from './cli-timing';
import { startServer, type RunningServer, type ServerName } from './servers';
import { prepareWorkload, throughput, type Workload } from './workload';

interface Phase {
  opsPerSecond: number[];
  cpuMsPerOp: number[];
}

/** Run one phase on one server, with the server's CPU per operation. */
async function measure(server: RunningServer, work: Workload, count: number, concurrency: number, first: number, into: Phase): Promise<void> {
  const cpuBefore = server.cpuMs();
  into.opsPerSecond.push(await throughput(work, count, concurrency, first));
  const cpuAfter = server.cpuMs();
  if (cpuBefore !== undefined && cpuAfter !== undefined) into.cpuMsPerOp.push((cpuAfter - cpuBefore) / count);
}

/**
 * The mixed workload on both servers, both running throughout: in each round
 * each server in turn (alternating which goes first) serves `ops` operations
 * sequentially, then `2 × ops` with eight in flight. Medians of the rounds, so
 * a change of the machine's load during the run falls on both alike.
 */
export async function compareWorkload(ops: number, rounds: number) {
  const servers = { idchain: await startServer('idchain'), moto: await startServer('moto') };
  const phases = { idchain: { sequential: newPhase(), concurrent: newPhase() }, moto: { sequential: newPhase(), concurrent: newPhase() } };
  const works: Partial<Record<ServerName, Workload>> = {};
  const peakRssMiB: Partial<Record<ServerName, number>> = {};
  try {
    for (const name of ['idchain', 'moto'] as const) {
      works[name] = await prepareWorkload(servers[name].url, 'w');
      await throughput(works[name]!, 40, 8, 1_000_000); // warm-up: connections, JIT, the pool's signing key
    }
    let next = 0;
    for (let round = 0; round < rounds; round++) {
      for (const name of (round % 2 ? ['moto', 'idchain'] : ['idchain', 'moto']) as ServerName[]) {
        await measure(servers[name], works[name]!, ops, 1, next, phases[name].sequential);
        await measure(servers[name], works[name]!, ops * 2, 8, next + ops, phases[name].concurrent);
      }
      next += ops * 3;
    }
  } finally {
    for (const name of ['idchain', 'moto'] as const) {
      works[name]?.close();
      peakRssMiB[name] = servers[name].peakRssMiB();
      await servers[name].stop();
    }
  }
  const summary = (name: ServerName) => ({
    sequential: median(phases[name].sequential.opsPerSecond),
    concurrent: median(phases[name].concurrent.opsPerSecond),
    cpuMsPerOp: { sequential: medianOrUndefined(phases[name].sequential.cpuMsPerOp), concurrent: medianOrUndefined(phases[name].concurrent.cpuMsPerOp) },
    samples: phases[name],
    peakRssMiB: peakRssMiB[name],
  });
  return { ops, rounds, idchain: summary('idchain'), moto: summary('moto') };
}

const newPhase = (): Phase => ({ opsPerSecond: [], cpuMsPerOp: [] });
const medianOrUndefined = (values: number[]) => (values.length ? median(values) : undefined);
