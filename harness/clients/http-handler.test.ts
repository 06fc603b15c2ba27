import { createServer, type Server, type Socket } from 'node:net';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { startEmulator } from '../../emulator';
import { createClients } from './factory';
import { recordSteps, StepSink } from './recorder';

// An endpoint that accepts the connection and never answers: without a
// request timeout an SDK call waits on it for ever.
let silent: Server;
let url: string;
const sockets: Socket[] = [];
beforeAll(async () => {
  silent = createServer((socket) => void sockets.push(socket));
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(silent.address() as { port: number }).port}`;
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((r) => silent.close(() => r()));
});

const credentials = { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'example' };

test('a call to an endpoint that never answers fails with a TimeoutError, after the retries the SDK makes', async () => {
  const clients = createClients({ region: 'us-east-1', endpoint: url, credentials }, { timeouts: { connectionMs: 1000, requestMs: 200 } });
  try {
    const connectionsBefore = sockets.length;
    await expect(clients.sts.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ name: 'TimeoutError' });
    // The SDK's standard retry mode makes 3 attempts; a timed-out socket is not reused.
    expect(sockets.length - connectionsBefore).toBe(3);
  } finally {
    clients.destroy();
  }
});

test('aborting the clients’ signal ends a call in flight at once, and refuses new ones', async () => {
  const controller = new AbortController();
  const clients = createClients({ region: 'us-east-1', endpoint: url, credentials }, { timeouts: { connectionMs: 1000, requestMs: 3_600_000 }, signal: controller.signal });
  try {
    const before = sockets.length;
    const pending = clients.sts.send(new GetCallerIdentityCommand({}));
    // Abort once the request is on the wire.
    while (sockets.length === before || !sockets.at(-1)!.bytesRead) await new Promise((r) => setTimeout(r, 10));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await expect(clients.sts.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ name: 'AbortError' });
  } finally {
    clients.destroy();
  }
});

test('each recorded step says which host answered it', async () => {
  const emulator = await startEmulator();
  const clients = createClients({ region: 'us-east-1', endpoint: emulator.url, credentials: emulator.credentials });
  try {
    const sink = new StepSink();
    await recordSteps(sink, () => clients.sts.send(new GetCallerIdentityCommand({})));
    expect(sink.steps.map((s) => [s.operation, s.host])).toEqual([['GetCallerIdentity', '127.0.0.1']]);
  } finally {
    clients.destroy();
    await emulator.stop();
  }
});
