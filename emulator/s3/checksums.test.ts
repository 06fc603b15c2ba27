import { checksumOf } from './checksums';

// Check values of the CRC catalogue ("123456789" → CRC-32 0xCBF43926, CRC-32C 0xE3069283,
// CRC-64/NVME 0xAE8B14860A799888) and of FIPS 180 ("abc"), written as S3 carries them:
// the big-endian digest in base64. The last two are what the JS SDK and botocore
// sent for "hello world" (x-amz-checksum-crc32: DUoRhQ==, seen on the wire while
// building this emulator) and its SHA-256.
const hex64 = (hex: string) => Buffer.from(hex, 'hex').toString('base64');

test.each([
  ['x-amz-checksum-crc32', '123456789', hex64('cbf43926')],
  ['x-amz-checksum-crc32c', '123456789', hex64('e3069283')],
  ['x-amz-checksum-crc64nvme', '123456789', hex64('ae8b14860a799888')],
  ['x-amz-checksum-sha1', 'abc', hex64('a9993e364706816aba3e25717850c26c9cd0d89d')],
  ['x-amz-checksum-sha256', 'abc', hex64('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')],
  ['x-amz-checksum-crc32', 'hello world', 'DUoRhQ=='],
  ['x-amz-checksum-crc32', '', 'AAAAAA=='],
] as const)('%s of %j is %s', (header, text, expected) => {
  expect(checksumOf(header, Buffer.from(text))).toBe(expected);
});
