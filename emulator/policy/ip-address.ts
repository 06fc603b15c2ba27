function ipv4ToNumber(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return undefined;
  const octets = m.slice(1).map(Number);
  if (octets.some((o) => o > 255)) return undefined;
  return ((octets[0] << 24) | (octets[1] << 16) | (octets[2] << 8) | octets[3]) >>> 0;
}

/**
 * IpAddress matching for IPv4: `policyValue` is an address or a CIDR block
 * (IAM-UG condition operators, "IP address condition operators"). IPv6 values
 * are compared as exact strings only. Undefined when the request value is not
 * an address.
 */
export function ipMatches(requestValue: string, policyValue: string): boolean | undefined {
  const address = ipv4ToNumber(requestValue);
  if (address === undefined) return requestValue.includes(':') ? requestValue === policyValue : undefined;
  const [base, bitsText] = policyValue.split('/');
  const network = ipv4ToNumber(base);
  const bits = bitsText === undefined ? 32 : Number(bitsText);
  if (network === undefined || !Number.isInteger(bits) || bits < 0 || bits > 32) return false;
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return (address & mask) === (network & mask);
}
