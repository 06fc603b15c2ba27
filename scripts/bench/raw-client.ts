import { createHash, createHmac } from 'node:crypto';
import { Agent, request } from 'node:http';

/**
 * A light AWS client for the workload: requests signed with SigV4 by hand
 * (node:crypto, the algorithm of IAM-UG "Create a signed AWS API request")
 * and sent on kept-alive connections. The AWS SDK's own per-call work (its
 * middleware stack, serializers, parsers: 1–3 ms of CPU per call on this
 * machine) would otherwise cap both servers at what the bench process can
 * send, and hide the difference between them. Every answer must be a 200.
 */
export interface RawClient {
  query(service: 'iam' | 'sts', params: Record<string, string>): Promise<string>;
  json(service: 'cognito-idp', target: string, body: unknown): Promise<string>;
  close(): void;
}

const sha256 = (data: string) => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();

export function rawClient(url: string, region: string, keys: { accessKeyId: string; secretAccessKey: string }, concurrency: number): RawClient {
  const { hostname, port, host } = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });

  function send(service: string, headers: Record<string, string>, body: string): Promise<string> {
    const amzDate = new Date().toISOString().replace(/[-:]|\.\d{3}/g, '');
    const date = amzDate.slice(0, 8);
    const all: Record<string, string> = { ...headers, host, 'x-amz-date': amzDate };
    const names = Object.keys(all).map((k) => k.toLowerCase()).sort();
    const canonicalHeaders = names.map((k) => `${k}:${all[Object.keys(all).find((h) => h.toLowerCase() === k)!].trim()}\n`).join('');
    const signedHeaders = names.join(';');
    const canonical = ['POST', '/', '', canonicalHeaders, signedHeaders, sha256(body)].join('\n');
    const scope = `${date}/${region}/${service}/aws4_request`;
    const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
    const key = hmac(hmac(hmac(hmac(`AWS4${keys.secretAccessKey}`, date), region), service), 'aws4_request');
    const signature = createHmac('sha256', key).update(toSign).digest('hex');
    const authorization = `AWS4-HMAC-SHA256 Credential=${keys.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
    return new Promise((resolve, reject) => {
      const req = request(
        { hostname, port, method: 'POST', path: '/', agent, headers: { ...all, authorization, 'content-length': Buffer.byteLength(body) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if (res.statusCode === 200) resolve(text);
            else reject(new Error(`${service} answered ${res.statusCode}: ${text.slice(0, 300)}`));
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  return {
    query: (service, params) =>
      send(service, { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, new URLSearchParams(params).toString()),
    json: (service, target, body) => send(service, { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target }, JSON.stringify(body)),
    close: () => agent.destroy(),
  };
}
