import { Readable } from 'node:stream';

// S3 carries object contents as bodies: strings or bytes going out, a stream
// coming back. A step records them as text, and a response stream is read once
// here and handed on as an equal stream, so the case still reads its object.

/** How a body is written in a step: its text when it is UTF-8, else its size. */
function bodyText(bytes: Uint8Array): string {
  const text = Buffer.from(bytes).toString('utf8');
  return Buffer.from(text, 'utf8').equals(Buffer.from(bytes)) ? text : `<${bytes.byteLength} bytes>`;
}

function isStream(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (typeof (value as Readable).pipe === 'function' || typeof (value as ReadableStream).getReader === 'function');
}

/** The input as a step records it: a Body that cannot be copied (a stream) is named, bytes become text. */
export function recordableInput(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || !('Body' in input)) return input;
  const { Body, ...rest } = input as { Body: unknown };
  if (Body instanceof Uint8Array) return { ...rest, Body: bodyText(Body) };
  if (isStream(Body) || (typeof Body === 'object' && Body !== null && typeof (Body as Blob).arrayBuffer === 'function')) return { ...rest, Body: '<stream>' };
  return { ...rest, Body };
}

interface SdkStreamBody {
  transformToByteArray(): Promise<Uint8Array>;
}

/** A stream of these bytes with the SDK's own helpers, as GetObject's Body offers them. */
function replayable(bytes: Uint8Array) {
  return Object.assign(Readable.from([Buffer.from(bytes)]), {
    transformToByteArray: async () => bytes,
    transformToString: async (encoding: BufferEncoding = 'utf8') => Buffer.from(bytes).toString(encoding),
    transformToWebStream: () => Readable.toWeb(Readable.from([Buffer.from(bytes)])),
  });
}

/**
 * Read a response Body (the SDK's stream) so the step can record it as text,
 * and put an equal stream back in its place for the caller. Other outputs are
 * returned as they are.
 */
export async function recordableOutput(output: unknown): Promise<unknown> {
  if (typeof output !== 'object' || output === null || !('Body' in output)) return output;
  const holder = output as { Body: unknown };
  const body = holder.Body as Partial<SdkStreamBody> | undefined;
  if (typeof body?.transformToByteArray !== 'function') return output;
  const bytes = await body.transformToByteArray();
  holder.Body = replayable(bytes);
  return { ...holder, Body: bodyText(bytes) };
}
