/** A piece of work and the ids of the work it waits for. */
export interface GraphNode {
  id: string;
  after: readonly string[];
}

/**
 * Run every node as soon as all it waits for has finished, as many at once
 * as are ready (rate limits are the clients' business, clients/rate-budget.ts).
 * `run` decides what a node does when something before it failed; a node
 * whose `run` throws holds back what waits for it, and the first such error
 * is thrown once everything that could run has. Names of nodes not in the
 * graph are ignored; the graph must have no circle (planFixture checks).
 */
export async function runGraph<N extends GraphNode>(nodes: readonly N[], run: (node: N) => Promise<void>): Promise<void> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const started = new Map<string, Promise<void>>();
  const start = (node: N): Promise<void> => {
    let promise = started.get(node.id);
    if (!promise) {
      const before = node.after.filter((id) => byId.has(id)).map((id) => start(byId.get(id)!));
      promise = Promise.all(before).then(() => run(node));
      started.set(node.id, promise);
    }
    return promise;
  };
  const outcomes = await Promise.allSettled(nodes.map(start));
  const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failed) throw failed.reason;
}
