import { createHash } from 'node:crypto';

/**
 * The flexible checksums S3 verifies, by header (`x-amz-checksum-<algorithm>`),
 * each the base64 of the big-endian digest [doc: S3 User Guide "Checking
 * object integrity in Amazon S3": CRC64NVME, CRC32, CRC32C, SHA-1, SHA-256].
 */
export const CHECKSUM_HEADERS = ['x-amz-checksum-crc32', 'x-amz-checksum-crc32c', 'x-amz-checksum-crc64nvme', 'x-amz-checksum-sha1', 'x-amz-checksum-sha256'] as const;
export type ChecksumHeader = (typeof CHECKSUM_HEADERS)[number];

/** The algorithm's name as S3's BadDigest message spells it. */
export const CHECKSUM_NAMES: Record<ChecksumHeader, string> = {
  'x-amz-checksum-crc32': 'CRC32',
  'x-amz-checksum-crc32c': 'CRC32C',
  'x-amz-checksum-crc64nvme': 'CRC64NVME',
  'x-amz-checksum-sha1': 'SHA1',
  'x-amz-checksum-sha256': 'SHA256',
};

function crcTable(poly: bigint, bits: 32 | 64): bigint[] {
  const mask = (1n << BigInt(bits)) - 1n;
  return Array.from({ length: 256 }, (_, n) => {
    let c = BigInt(n);
    for (let k = 0; k < 8; k++) c = c & 1n ? (c >> 1n) ^ poly : c >> 1n;
    return c & mask;
  });
}

/** A reflected CRC with all-ones initial value and final XOR (CRC-32, CRC-32C, CRC-64/NVME). */
function reflectedCrc(poly: bigint, bits: 32 | 64): (data: Uint8Array) => Buffer {
  const table = crcTable(poly, bits);
  const mask = (1n << BigInt(bits)) - 1n;
  return (data) => {
    let crc = mask;
    for (const byte of data) crc = table[Number((crc ^ BigInt(byte)) & 0xffn)] ^ (crc >> 8n);
    crc ^= mask;
    const out = Buffer.alloc(bits / 8);
    if (bits === 32) out.writeUInt32BE(Number(crc));
    else out.writeBigUInt64BE(crc);
    return out;
  };
}

const DIGESTS: Record<ChecksumHeader, (data: Uint8Array) => Buffer> = {
  'x-amz-checksum-crc32': reflectedCrc(0xedb88320n, 32),
  'x-amz-checksum-crc32c': reflectedCrc(0x82f63b78n, 32),
  'x-amz-checksum-crc64nvme': reflectedCrc(0x9a6c9329ac4bc9b5n, 64),
  'x-amz-checksum-sha1': (data) => createHash('sha1').update(data).digest(),
  'x-amz-checksum-sha256': (data) => createHash('sha256').update(data).digest(),
};

/** The base64 checksum S3 would compute for `data` with the header's algorithm. */
export function checksumOf(header: ChecksumHeader, data: Uint8Array): string {
  return DIGESTS[header](data).toString('base64');
}

export function isChecksumHeader(name: string): name is ChecksumHeader {
  return (CHECKSUM_HEADERS as readonly string[]).includes(name);
}
