import { Agent, request } from 'node:http';
import type { Socket } from 'node:net';
import { startEmulator } from './index';

// A client's agent subtracts a second from the server's Keep-Alive hint; with
// a 1 s keepAliveTimeout every socket expired at once and each request opened
// a new connection (711 connects for 711 requests in one contract run).
test('sequential requests on a keep-alive agent share one connection, and stop() does not wait on it', async () => {
  const emulator = await startEmulator();
  const { hostname, port } = new URL(emulator.url);
  const agent = new Agent({ keepAlive: true });
  const sockets = new Set<Socket>();
  const get = () =>
    new Promise<string>((resolve, reject) => {
      const req = request({ host: hostname, port, path: '/_idchain/health', agent }, (res) => {
        sockets.add(res.socket);
        res.resume();
        res.on('end', () => resolve(String(res.headers['keep-alive'])));
      });
      req.on('error', reject);
      req.end();
    });
  try {
    for (let i = 0; i < 3; i++) {
      expect(await get()).toBe('timeout=5');
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(sockets.size).toBe(1);
  } finally {
    await emulator.stop();
    agent.destroy();
  }
});
