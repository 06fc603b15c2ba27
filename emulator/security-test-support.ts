// Helpers for the security and fuzz tests: raw HTTP to a started emulator,
// requests signed with the SDK's own signer at any date, region or service,
// and a check that an answer is an AWS error document of its protocol. Not a
// test file itself.
import { request as httpRequest } from 'node:http';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface RawRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** Send exactly these bytes to the emulator's listener and read the whole answer. */
export function send(url: string, req: RawRequest): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { host: hostname, port, method: req.method ?? 'POST', path: req.path ?? '/', headers: req.headers ?? {}, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(req.body ?? '');
  });
}

export interface SigningOptions {
  url: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  service: string;
  region: string;
  date: Date;
  headers: Record<string, string>;
  body: string;
  /** Sign as the JS SDK does (with x-amz-content-sha256) or as botocore does (without). */
  contentSha256?: boolean;
  /** POST and `/` unless said; S3 requests name their method and bucket/key path, signed as sent. */
  method?: string;
  path?: string;
}

/** The headers of a request signed by @smithy/signature-v4, the signer the AWS SDK for JavaScript uses. */
export async function signedHeaders(opts: SigningOptions): Promise<Record<string, string>> {
  const { host } = new URL(opts.url);
  const signer = new SignatureV4({
    credentials: opts.credentials,
    region: opts.region,
    service: opts.service,
    sha256: Sha256,
    applyChecksum: opts.contentSha256 ?? true,
    // S3 signs the path as sent [doc: IAM-UG "Create a signed AWS API request", CanonicalURI].
    uriEscapePath: opts.service !== 's3',
  });
  const signed = await signer.sign(
    { method: opts.method ?? 'POST', protocol: 'http:', hostname: host, path: opts.path ?? '/', query: {}, headers: { ...opts.headers, host }, body: opts.body },
    { signingDate: opts.date },
  );
  return signed.headers as Record<string, string>;
}

export const FORM = 'application/x-www-form-urlencoded; charset=utf-8';
export const AMZ_JSON = 'application/x-amz-json-1.1';

export interface AwsError {
  protocol: 'awsQuery' | 'awsJson1_1' | 'restXml';
  code: string;
  message: string;
}

/**
 * The error an answer carries, if it is an AWS error document: awsQuery
 * `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`
 * in XML [doc: STS-API "Common Errors"], or awsJson `{"__type", "message"}` with
 * `x-amzn-ErrorType` [doc: Smithy "AWS JSON 1.1 protocol", operation error
 * serialization], or S3's `<Error><Code/><Message/>…<RequestId/><HostId/></Error>`
 * as `application/xml` [doc: S3-API "Error responses", REST error responses].
 * Undefined for anything else (plain text, HTML, half a document).
 */
export function awsErrorOf(answer: RawAnswer): AwsError | undefined {
  const type = String(answer.headers['content-type'] ?? '');
  if (type.startsWith('application/x-amz-json-1.1')) {
    try {
      const body = JSON.parse(answer.body) as { __type?: unknown; message?: unknown };
      const header = String(answer.headers['x-amzn-errortype'] ?? '');
      if (typeof body.__type === 'string' && typeof body.message === 'string' && header === `${body.__type}:`) {
        return { protocol: 'awsJson1_1', code: body.__type, message: body.message };
      }
    } catch {
      return undefined;
    }
    return undefined;
  }
  if (type.startsWith('application/xml') && XMLValidator.validate(answer.body) === true) {
    const doc = new XMLParser({ parseTagValue: false, trimValues: false }).parse(answer.body) as { Error?: { Code?: string; Message?: string; RequestId?: string; HostId?: string } };
    const error = doc.Error;
    if (error && typeof error.Code === 'string' && typeof error.Message === 'string' && error.RequestId && error.HostId) {
      return { protocol: 'restXml', code: error.Code, message: error.Message };
    }
    return undefined;
  }
  if (type.startsWith('text/xml') && XMLValidator.validate(answer.body) === true) {
    const doc = new XMLParser({ parseTagValue: false, trimValues: false }).parse(answer.body) as { ErrorResponse?: { Error?: { Type?: string; Code?: string; Message?: string }; RequestId?: string } };
    const error = doc.ErrorResponse?.Error;
    if (error && (error.Type === 'Sender' || error.Type === 'Receiver') && typeof error.Code === 'string' && doc.ErrorResponse?.RequestId) {
      return { protocol: 'awsQuery', code: error.Code, message: String(error.Message ?? '') };
    }
  }
  return undefined;
}
