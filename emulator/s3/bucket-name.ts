/**
 * General purpose bucket naming rules [doc: S3 User Guide "General purpose
 * bucket naming rules"]: 3–63 characters; lower-case letters, digits, periods
 * and hyphens; a letter or digit first and last; no two adjacent periods; not
 * an IP address; not starting with `xn--`, `sthree-` or `amzn-s3-demo-`; not
 * ending with `-s3alias`, `--ol-s3`, `.mrap`, `--x-s3` or `--table-s3`.
 */
const RESERVED_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const RESERVED_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];

/** Why a bucket name breaks the rules, or undefined when it follows them. */
export function bucketNameProblem(name: string): string | undefined {
  if (name.length < 3 || name.length > 63) return 'must be 3 to 63 characters long';
  if (!/^[a-z0-9.-]+$/.test(name)) return 'may hold only lower-case letters, digits, periods and hyphens';
  if (!/^[a-z0-9].*[a-z0-9]$/.test(name)) return 'must begin and end with a letter or digit';
  if (name.includes('..')) return 'must not hold two adjacent periods';
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) return 'must not be formatted as an IP address';
  const prefix = RESERVED_PREFIXES.find((p) => name.startsWith(p));
  if (prefix) return `must not start with the reserved prefix ${prefix}`;
  const suffix = RESERVED_SUFFIXES.find((s) => name.endsWith(s));
  if (suffix) return `must not end with the reserved suffix ${suffix}`;
  return undefined;
}
