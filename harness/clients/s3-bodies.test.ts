import { Readable } from 'node:stream';
import { recordableInput, recordableOutput } from './s3-bodies';

describe('S3 bodies in recorded steps', () => {
  it('records text bodies as text, bytes that are not UTF-8 by size, and streams by name, leaving the rest of the input', () => {
    expect(recordableInput({ Bucket: 'b', Key: 'k', Body: 'hello' })).toEqual({ Bucket: 'b', Key: 'k', Body: 'hello' });
    expect(recordableInput({ Body: Buffer.from('héllo') })).toEqual({ Body: 'héllo' });
    expect(recordableInput({ Body: new Uint8Array([0xff, 0xfe, 0x00]) })).toEqual({ Body: '<3 bytes>' });
    expect(recordableInput({ Body: Readable.from(['x']) })).toEqual({ Body: '<stream>' });
    expect(recordableInput({ RoleArn: 'r' })).toEqual({ RoleArn: 'r' });
  });

  it('reads a response stream once for the step and hands the caller an equal stream', async () => {
    const bytes = new TextEncoder().encode('object contents');
    const output = { ETag: '"e"', Body: { transformToByteArray: async () => bytes } };
    const recorded = await recordableOutput(output);
    expect(recorded).toEqual({ ETag: '"e"', Body: 'object contents' });
    const body = output.Body as unknown as { transformToString(): Promise<string>; transformToByteArray(): Promise<Uint8Array> } & Readable;
    expect(await body.transformToString()).toBe('object contents');
    expect(await body.transformToByteArray()).toEqual(bytes);
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('object contents');
    expect(await recordableOutput({ Credentials: {} })).toEqual({ Credentials: {} });
  });
});
