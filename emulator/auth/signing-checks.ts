/**
 * The checks AWS makes on a SigV4 request before it looks at the key or the
 * signature: the request date and its 15-minute window, `host` among the
 * signed headers, and the credential scope. Each answers the message AWS
 * answers, or undefined when the request passes.
 *
 * Order and wording follow what Coral services (Cognito's front end)
 * answer, as dynalite's author recorded from DynamoDB [obs: mhart/dynalite
 * index.js comments: "THEN check Date format and expiration … THEN check Host
 * is in SignedHeaders … THEN check Credential pieces … THEN check keyid …
 * THEN check signature"] and what STS answers [obs: justincormack/argmin
 * crates/s3-tests/src/bin/sts_oracle.rs, a probe asserting answers of AWS STS].
 */

/** Fifteen minutes either way of the server's clock [doc: STS-API "Common Errors", RequestExpired]. */
export const SIGNATURE_WINDOW_MS = 15 * 60 * 1000;

const BASIC_FORMAT = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** `20260101T000000Z`, the ISO 8601 basic format SigV4 dates use. */
export function basicFormat(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The request's signing time: `X-Amz-Date` in ISO 8601 basic format, else the
 * HTTP `Date` header. A missing date or a malformed `X-Amz-Date` is an
 * IncompleteSignature [obs: dynalite: "Authorization header requires existence
 * of either a 'X-Amz-Date' or a 'Date' header." and "Date must be in ISO-8601
 * 'basic format'. Got '201'. See http://en.wikipedia.org/wiki/ISO_8601"].
 */
export function readSigningDate(headers: Readonly<Record<string, string | undefined>>): { date: Date; text: string } | { incomplete: string } {
  const amzDate = headers['x-amz-date'];
  if (amzDate !== undefined) {
    const m = BASIC_FORMAT.exec(amzDate);
    const date = m && new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
    if (!date || Number.isNaN(date.getTime()) || basicFormat(date) !== amzDate) {
      return { incomplete: `Date must be in ISO-8601 'basic format'. Got '${amzDate}'. See http://en.wikipedia.org/wiki/ISO_8601` };
    }
    return { date, text: amzDate };
  }
  const httpDate = headers['date'];
  const parsed = httpDate === undefined ? NaN : Date.parse(httpDate);
  if (Number.isNaN(parsed)) return { incomplete: "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header." };
  const date = new Date(Math.floor(parsed / 1000) * 1000);
  return { date, text: basicFormat(date) };
}

/**
 * A signature more than 15 minutes old or ahead is refused:
 * "Signature expired: 20220127T001427Z is now earlier than 20220127T014428Z
 * (20220127T015928Z - 15 min.)" [obs: aws/aws-cli#6676, SignatureDoesNotMatch
 * from STS GetCallerIdentity] and "Signature not yet current: 20180404T155030Z
 * is still later than 20180404T070416Z (20180404T064916Z + 15 min.)" [obs:
 * InvalidSignatureException quoted in a public ECR troubleshooting post];
 * both sentences are in [doc: IAM-UG "Troubleshoot signed requests for AWS APIs"].
 */
export function windowViolation(signedAt: Date, signedText: string, now: Date): string | undefined {
  const earliest = new Date(now.getTime() - SIGNATURE_WINDOW_MS);
  const latest = new Date(now.getTime() + SIGNATURE_WINDOW_MS);
  if (signedAt.getTime() < earliest.getTime()) {
    return `Signature expired: ${signedText} is now earlier than ${basicFormat(earliest)} (${basicFormat(now)} - 15 min.)`;
  }
  if (signedAt.getTime() > latest.getTime()) {
    return `Signature not yet current: ${signedText} is still later than ${basicFormat(latest)} (${basicFormat(now)} + 15 min.)`;
  }
  return undefined;
}

/** "'Host' must be a 'SignedHeader' in the AWS Authorization." [obs: dynalite, recorded from DynamoDB]. */
export function hostViolation(signedHeaders: readonly string[]): string | undefined {
  return signedHeaders.includes('host') ? undefined : "'Host' must be a 'SignedHeader' in the AWS Authorization.";
}

export interface ExpectedScope {
  /** The signing name of the service the request reached, e.g. `sts`. */
  service: string;
  /** The emulator's region. */
  region: string;
  /** The request date, `YYYYMMDD`, and its basic-format text. */
  date: string;
  dateText: string;
}

/**
 * The credential scope must name this service, this region, the terminator
 * `aws4_request` and the request's date; every mismatch adds its sentence
 * (each ends with a space, as AWS writes them):
 * - region: STS says "Credential should be scoped to a valid region. " [obs:
 *   argmin sts_oracle.rs, STS_WRONG_REGION_SCOPE_MESSAGE]; IAM and the Coral
 *   services name the region sent: "Credential should be scoped to a valid
 *   region, not 'sa-east-1'. " [obs: aws/aws-sdk-php#493, IAM; dynalite];
 * - service: "Credential should be scoped to correct service: 'sts'. " [obs:
 *   argmin sts_oracle.rs; aws/aws-sdk-ruby#431 "…: 'elasticmapreduce'. " for awsJson];
 * - terminator: "Credential should be scoped with a valid terminator:
 *   'aws4_request', not 'aws5_request'. " [obs: dynalite];
 * - date: "Date in Credential scope does not match YYYYMMDD from ISO-8601
 *   version of date from HTTP: 'b' != '20130609', from '20130609T095204Z'."
 *   [obs: dynalite; doc: IAM-UG "Troubleshoot signed requests for AWS APIs"].
 */
export function scopeViolations(scope: { date: string; region: string; service: string; terminator: string }, expected: ExpectedScope): string | undefined {
  let message = '';
  if (scope.region !== expected.region) {
    message +=
      expected.service === 'sts'
        ? 'Credential should be scoped to a valid region. '
        : `Credential should be scoped to a valid region, not '${scope.region}'. `;
  }
  if (scope.service !== expected.service) message += `Credential should be scoped to correct service: '${expected.service}'. `;
  if (scope.terminator !== 'aws4_request') message += `Credential should be scoped with a valid terminator: 'aws4_request', not '${scope.terminator}'. `;
  if (scope.date !== expected.date) {
    message += `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scope.date}' != '${expected.date}', from '${expected.dateText}'.`;
  }
  return message === '' ? undefined : message;
}

/**
 * What of the credential scope is wrong, piece by piece, for services that
 * word each piece themselves (S3's AuthorizationHeaderMalformed); undefined
 * when the scope is right.
 */
export interface ScopeMismatch {
  /** The service the request was signed for, when not the expected one. */
  service?: string;
  /** The Region the request was signed for, when not the expected one. */
  region?: string;
  terminator?: string;
  /** The scope's date differs from the request's. */
  date?: boolean;
}

export function scopeMismatch(scope: { date: string; region: string; service: string; terminator: string }, expected: ExpectedScope): ScopeMismatch | undefined {
  const out: ScopeMismatch = {};
  if (scope.service !== expected.service) out.service = scope.service;
  if (scope.region !== expected.region) out.region = scope.region;
  if (scope.terminator !== 'aws4_request') out.terminator = scope.terminator;
  if (scope.date !== expected.date) out.date = true;
  return Object.keys(out).length > 0 ? out : undefined;
}
