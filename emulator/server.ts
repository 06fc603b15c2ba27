import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { IncomingRequest } from './auth/sigv4';
import { AwsServiceError } from './errors';
import { errorAnswer, internalFailure } from './protocol/error-answer';
import type { WireResponse } from './protocol/wire';
import { requestProtocol, type WireProtocol } from './protocol/request-protocol';
import { requestId } from './ids';

/** The largest body the emulator reads: 16 MiB. STS itself takes up to 10,000,000 bytes [obs: argmin sts_oracle.rs]. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** The largest header section Node reads by default; beyond it the request is refused before it is parsed. */
const MAX_HEADER_BYTES = 16 * 1024;

type Body = { bytes: Buffer } | { tooLarge: true };

/**
 * Read the body, keeping at most MAX_BODY_BYTES. Past that the rest is read
 * and dropped, so the client still receives the answer instead of a reset.
 */
function readBody(req: IncomingMessage): Promise<Body> {
  // Events rather than `for await`: the async iterator cost more per request than the rest of reading (--cpu-prof).
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.once('end', () => resolve(size > MAX_BODY_BYTES ? { tooLarge: true } : { bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks) }));
    req.once('error', reject);
    req.once('close', () => {
      if (!req.complete) reject(new Error('the client closed the connection before the request body ended'));
    });
  });
}

/** Split the request target as sent, without the WHATWG URL parser (which refuses `//`). */
function toIncoming(req: IncomingMessage, body: Buffer): IncomingRequest {
  const target = req.url ?? '/';
  const q = target.indexOf('?');
  const path = q < 0 ? target : target.slice(0, q);
  const rawQuery = q < 0 ? '' : target.slice(q + 1);
  const query: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(rawQuery)) if (!Object.prototype.hasOwnProperty.call(query, k)) query[k] = v;
  const headers: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers)) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(',') : v;
  return { method: req.method ?? 'GET', path: path.startsWith('/') ? path : `/${path}`, query, rawQuery, headers, body: body.toString('utf8'), bodyBytes: body };
}

/** The protocol of a request whose body was not handed to the router. */
function protocolOf(req: IncomingMessage): WireProtocol {
  return requestProtocol(toIncoming(req, Buffer.alloc(0)));
}

function write(res: ServerResponse, answer: WireResponse, close = false): void {
  if (res.headersSent) return void res.end();
  // S3 object contents are bytes; the other protocols answer text.
  const payload = answer.bodyBytes ?? answer.body;
  res.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(payload), ...(close ? { connection: 'close' } : {}) });
  res.end(payload);
}

/**
 * The body is larger than the emulator reads. AWS answers an oversized STS
 * body with a bare 413 [obs: argmin sts_oracle.rs "query-body-overlong-10000001-bytes"];
 * here it carries the protocol's error document, code inferred. S3 answers an
 * upload over its limit with its own `EntityTooLarge` (400) "Your proposed
 * upload exceeds the maximum allowed object size." [doc: S3-API "Error
 * responses"]; the limit is the emulator's.
 */
function tooLarge(protocol: WireProtocol): AwsServiceError {
  if (protocol === 'restXml') return new AwsServiceError('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed object size.', 400);
  return new AwsServiceError('RequestEntityTooLarge', `The request body is larger than the ${MAX_BODY_BYTES} bytes the emulator reads.`, 413);
}

/**
 * The protocol of a request Node could not parse, from the bytes it read: the
 * request line and an X-Amz-Target header, read by the router's own rule;
 * awsQuery when not even a request line is there.
 */
function sniffProtocol(raw: string): WireProtocol {
  const line = /^([A-Z]+) (\S+) HTTP\//.exec(raw);
  if (!line) return /x-amz-target\s*:/i.test(raw) ? 'awsJson1_1' : 'awsQuery';
  const q = line[2].indexOf('?');
  const query = Object.fromEntries(new URLSearchParams(q < 0 ? '' : line[2].slice(q + 1)));
  const headers = /\r\nx-amz-target\s*:/i.test(raw) ? { 'x-amz-target': 'sniffed' } : {};
  return requestProtocol({ method: line[1], path: q < 0 ? line[2] : line[2].slice(0, q), headers, query });
}

/**
 * A request Node could not parse (header section over 16 KiB, a broken
 * request line) never reaches the router. Answer it still as an AWS error,
 * in the protocol the bytes read show (sniffProtocol).
 */
function answerClientError(err: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Socket): void {
  if (!socket.writable) return void socket.destroy();
  const headersTooLarge = err.code === 'HPE_HEADER_OVERFLOW';
  const error = headersTooLarge
    ? new AwsServiceError('RequestHeaderSectionTooLarge', `The request's header section is larger than the ${MAX_HEADER_BYTES} bytes the emulator reads.`, 431)
    : new AwsServiceError('BadRequest', `The request could not be read as HTTP/1.1 (${err.code ?? 'parse error'}).`, 400);
  const answer = errorAnswer(sniffProtocol(err.rawPacket?.toString('latin1') ?? ''), error, requestId());
  const head = [`HTTP/1.1 ${answer.status} ${headersTooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}`];
  for (const [k, v] of Object.entries({ ...answer.headers, 'content-length': String(Buffer.byteLength(answer.body)), connection: 'close' })) head.push(`${k}: ${v}`);
  socket.end(`${head.join('\r\n')}\r\n\r\n${answer.body}`);
}

/** Bind the socket-free router to a real HTTP listener. Nothing a client sends makes it answer anything but an AWS error. */
export async function listen(
  handle: (req: IncomingRequest) => Promise<WireResponse>,
  host: string,
  port: number,
): Promise<{ server: Server; url: string }> {
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    readBody(req)
      .then(async (body) => ('tooLarge' in body ? write(res, errorAnswer(protocolOf(req), tooLarge(protocolOf(req)), requestId()), true) : write(res, await handle(toIncoming(req, body.bytes)))))
      .catch((err: Error) => {
        process.stderr.write(`[idchain emulator] could not answer a request: ${err?.stack ?? String(err)}\n`);
        write(res, errorAnswer(protocolOf(req), internalFailure(), requestId()), true);
      });
  });
  server.on('clientError', answerClientError);
  // Node's default keep-alive (5 s). Not less: a client's agent subtracts a second from the
  // server's `Keep-Alive: timeout=N` hint, so 1 s made every socket expire at once and each request
  // opened a new connection. Stopping never waits on idle sockets: closeServer closes them all.
  server.keepAliveTimeout = 5000;
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
