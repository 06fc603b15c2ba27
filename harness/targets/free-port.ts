import { createServer } from 'node:net';

/**
 * A TCP port nothing listens on at `host` right now: the kernel picks one for
 * a throwaway listener, which is closed again. Another process may take it
 * before the server does; starting a server retries with a new port then.
 */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
