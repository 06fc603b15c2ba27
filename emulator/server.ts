import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IncomingRequest } from './auth/sigv4';
import type { WireResponse } from './protocol/wire';

const MAX_BODY_BYTES = 16 * 1024 * 1024;

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function toIncoming(req: IncomingMessage, bytes: Buffer): IncomingRequest {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = v;
  const headers: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers)) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(',') : v;
  // S3 objects are bytes; the other protocols read the same body as text.
  return { method: req.method ?? 'GET', path: url.pathname, query, headers, body: bytes.toString('utf8'), bodyBytes: bytes };
}

/** Bind the socket-free router to a real HTTP listener. */
export async function listen(
  handle: (req: IncomingRequest) => Promise<WireResponse>,
  host: string,
  port: number,
): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    readBody(req)
      .then((body) => handle(toIncoming(req, body)))
      .then((answer) => {
        const payload = answer.bodyBytes ?? answer.body;
        res.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(payload) });
        res.end(payload);
      })
      .catch((err: Error) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`idchain emulator could not read the request: ${err.message}`);
      });
  });
  // Keep-alive sockets would hold close() open after a run.
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { server, url: `http://${shownHost}:${address.port}` };
}
