// Seeded fuzzing of the emulator's front door: thousands of malformed
// requests of every kind — methods, paths, targets, content types, bodies,
// Authorization headers, dates and scopes, validly signed garbage — through
// the socket-free router, and a few hundred through the real HTTP listener,
// some as raw bytes that are not HTTP at all. Each answer must be an AWS
// document of the request's protocol and never a 5xx; afterwards the admin
// key still works and no prototype was written to. The seed is fixed, so a
// failure replays; no wall-clock limits.
import { connect } from 'node:net';
import fc from 'fast-check';
import { ManualClock } from './clock';
import { bootstrapAdmin } from './bootstrap';
import { createRouter } from './router';
import { createState } from './state';
import { createServices, startEmulator } from './index';
import type { IncomingRequest } from './auth/sigv4';
import { AMZ_JSON, awsErrorOf, FORM, send, signedHeaders, type RawAnswer } from './security-test-support';

const SEED = 20_261_201;
const NOW = new Date(Date.UTC(2026, 0, 1, 12));
const HOST = 'emulator.test:4566';
const URL_FOR_SIGNING = `http://${HOST}`;

const clock = new ManualClock(NOW);
const state = createState({ accountId: '123456789012', region: 'us-east-1', clock, mutants: new Set() });
const admin = bootstrapAdmin(state);
const services = createServices(state);
const handle = createRouter(state, services);

const jsonOps = services.filter((s) => s.targetPrefix).flatMap((s) => Object.keys(s.operations).map((op) => `${s.targetPrefix}.${op}`));
const queryOps = services.filter((s) => s.queryVersion).flatMap((s) => Object.keys(s.operations).map((op) => [op, s.queryVersion!] as const));
const MEMBERS = ['RoleName', 'Path', 'PathPrefix', 'AssumeRolePolicyDocument', 'PolicyDocument', 'PolicyName', 'Tags', 'TagKeys', 'Url', 'ClientIDList', 'ThumbprintList', 'Name', 'RoleArn', 'RoleSessionName', 'DurationSeconds', 'Policy', 'PolicyArns', 'WebIdentityToken', 'SAMLAssertion', 'PrincipalArn', 'IdentityPoolId', 'IdentityId', 'Logins', 'Roles', 'RoleMappings', 'UserPoolId', 'ClientId', 'Username', 'Password', 'GroupName', 'AuthFlow', 'AuthParameters', 'MaxResults', 'NextToken', 'Marker', 'MaxItems'];
const NASTY = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'toJSON', 'member', 'entry', '1', '0', '-1', '999999999999', '', '..', '%', '%zz', '%E0%A4%A', '\u0000', '\uD800', 'a'.repeat(300)];

const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom(...NASTY), fc.constantFrom(...MEMBERS));
const memberPath = fc.array(fc.oneof(fc.constantFrom(...MEMBERS), fc.constantFrom(...NASTY), fc.nat(12).map(String)), { minLength: 1, maxLength: 6 }).map((parts) => parts.join('.'));
const deepKey = fc.integer({ min: 20, max: 12_000 }).map((n) => Array.from({ length: n }, () => 'a').join('.'));

/** awsQuery forms: Action/Version from the real services or junk, members real, nasty or deep. */
const form = fc
  .tuple(
    fc.oneof({ arbitrary: fc.constantFrom(...queryOps), weight: 4 }, { arbitrary: fc.tuple(text, text), weight: 1 }),
    fc.array(fc.tuple(fc.oneof({ arbitrary: memberPath, weight: 6 }, { arbitrary: deepKey, weight: 1 }, { arbitrary: text, weight: 1 }), text), { maxLength: 8 }),
    fc.boolean(),
  )
  .map(([[action, version], pairs, raw]) => {
    // Percent-encode the UTF-8 bytes (lone surrogates become U+FFFD), unless sent raw.
    const enc = (s: string) => (raw ? s : [...Buffer.from(s, 'utf8')].map((b) => (/[A-Za-z0-9._~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0')}`)).join(''));
    return [`Action=${enc(action)}`, `Version=${enc(version)}`, ...pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`)].join('&');
  });

/** awsJson bodies: JSON values with real and nasty member names, deep nesting, broken JSON. */
const member = fc.oneof(fc.constantFrom(...MEMBERS), fc.constantFrom(...NASTY), fc.string({ maxLength: 12 }));
const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 2 }), fc.dictionary(member, tie('value'), { maxKeys: 5 }), fc.array(tie('value'), { maxLength: 4 })),
})).value;
const jsonBody = fc.oneof(
  fc.dictionary(member, jsonValue, { maxKeys: 6 }).map((o) => JSON.stringify(o)),
  jsonValue.map((v) => JSON.stringify(v) ?? ''),
  fc.integer({ min: 40, max: 20_000 }).map((n) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`),
  fc.integer({ min: 40, max: 20_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
  fc.string({ maxLength: 60 }).map((s) => `{"IdentityPoolId":${s}`),
  fc.constantFrom('{"__proto__":{"sessionToken":"x"}}', '{"Logins":{"constructor":{"prototype":{"x":1}}}}', 'null', '[]', '"x"', '1e999', '{'),
);

const body = fc.oneof(form, jsonBody, fc.string({ unit: 'binary', maxLength: 200 }), fc.constant(''));
const target = fc.oneof(fc.constant(undefined), fc.constantFrom(...jsonOps), fc.tuple(fc.constantFrom('AWSCognitoIdentityService', 'AWSCognitoIdentityProviderService', 'Nope', ''), text).map(([p, op]) => `${p}.${op}`), text);
const contentType = fc.oneof(fc.constant(undefined), fc.constantFrom(FORM, 'application/x-www-form-urlencoded', AMZ_JSON, 'application/json', 'text/plain', 'application/xml', 'multipart/form-data; boundary=x', ';;;', ''), text);
const method = fc.oneof(fc.constantFrom('POST', 'POST', 'POST', 'GET', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH'), fc.stringMatching(/^[A-Z]{1,10}$/));
const path = fc.oneof(fc.constantFrom('/', '//', '///', '/..', '/./', '/%', '/%zz', '/a/../../b', '/?', '/?Action=GetCallerIdentity&Version=2011-06-15', '/?Action=&Version=', '/?%E0%A4%A=1'), fc.string({ maxLength: 30 }).map((s) => `/${s.replace(/well-known|health/g, 'x')}`));
type Signing = 'none' | 'admin' | 'garbage' | 'old' | 'wrong-scope' | 'unknown-key';
const signing = fc.constantFrom<Signing>('none', 'admin', 'admin', 'admin', 'garbage', 'old', 'wrong-scope', 'unknown-key');
const garbageAuth = fc.oneof(text, fc.constantFrom('AWS4-HMAC-SHA256', 'AWS4-HMAC-SHA256 Credential=', 'AWS4-HMAC-SHA256 Credential=a/b/c/d, SignedHeaders=host, Signature=00', 'AWS4-HMAC-SHA256 Credential=AKIA/20260101/us-east-1/sts/aws4_request, SignedHeaders=, Signature=zz'));
const extraHeaders = fc.dictionary(fc.constantFrom('x-amz-date', 'x-amz-security-token', 'x-amz-content-sha256', 'date', 'x-amz-target', 'host'), text, { maxKeys: 2 });

const chaos = fc.record({ method, path, target, contentType, body, signing, garbageAuth, extraHeaders });
// Well-formed envelopes with hostile members, validly signed: these reach the operation handlers.
const jsonInput = fc.dictionary(member, jsonValue, { maxKeys: 6 }).map((o) => JSON.stringify(o));
const plausibleJson = fc.record({
  method: fc.constant('POST'), path: fc.constant('/'), target: fc.constantFrom(...jsonOps), contentType: fc.constant<string | undefined>(AMZ_JSON),
  body: jsonInput, signing: fc.constant<Signing>('admin'), garbageAuth: fc.constant(''), extraHeaders: fc.constant({}),
});
const plausibleQuery = fc.record({
  method: fc.constant('POST'), path: fc.constant('/'), target: fc.constant<string | undefined>(undefined), contentType: fc.constant<string | undefined>(FORM),
  body: form, signing: fc.constant<Signing>('admin'), garbageAuth: fc.constant(''), extraHeaders: fc.constant({}),
});
const request = fc.oneof({ arbitrary: chaos, weight: 2 }, { arbitrary: plausibleJson, weight: 2 }, { arbitrary: plausibleQuery, weight: 2 });
type Generated = typeof request extends fc.Arbitrary<infer T> ? T : never;

async function toIncoming(g: Generated): Promise<IncomingRequest> {
  const headers: Record<string, string> = { host: HOST };
  if (g.contentType !== undefined) headers['content-type'] = g.contentType;
  if (g.target !== undefined) headers['x-amz-target'] = g.target;
  const service = g.target?.startsWith('AWSCognitoIdentityService.') ? 'cognito-identity' : g.target?.startsWith('AWSCognitoIdentityProviderService.') ? 'cognito-idp' : /Version=2010-05-08/.test(g.body) ? 'iam' : 'sts';
  let signed: Record<string, string> = {};
  if (g.signing === 'garbage') signed = { authorization: g.garbageAuth, 'x-amz-date': '20260101T120000Z' };
  else if (g.signing !== 'none') {
    const credentials = g.signing === 'unknown-key' ? { accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: 'x'.repeat(40) } : admin;
    const date = g.signing === 'old' ? new Date(NOW.getTime() - 3_600_000) : NOW;
    signed = await signedHeaders({ url: URL_FOR_SIGNING, credentials, service: g.signing === 'wrong-scope' ? 's3' : service, region: 'us-east-1', date, headers, body: g.body });
  }
  const all = { ...headers, ...signed, ...(g.signing === 'admin' ? {} : g.extraHeaders) };
  const lower: Record<string, string | undefined> = Object.fromEntries(Object.entries(all).map(([k, v]) => [k.toLowerCase(), String(v)]));
  const q = g.path.indexOf('?');
  const rawQuery = q < 0 ? '' : g.path.slice(q + 1);
  return { method: g.method, path: q < 0 ? g.path : g.path.slice(0, q), query: Object.fromEntries(new URLSearchParams(rawQuery)), rawQuery, headers: lower, body: g.body };
}

interface Checked {
  method?: string;
  path?: string;
  headers: IncomingRequest['headers'];
  query?: Record<string, string>;
}

/**
 * The protocol a request is written in, on the emulator's one endpoint: an
 * X-Amz-Target is awsJson; a query naming an Action, or a POST to `/` without
 * a query string, is awsQuery; the rest is S3's REST-XML. A request Node's
 * parser refuses (an unknown method, say) is answered by the same rule from
 * its request line; bytes with no request line at all, in awsQuery.
 */
function protocolOf(req: Checked): string {
  if (req.headers['x-amz-target'] !== undefined) return 'awsJson1_1';
  const query = req.query ?? {};
  if (req.method === undefined || query['Action'] !== undefined) return 'awsQuery';
  return req.method === 'POST' && Object.keys(query).length === 0 && /^\/*$/.test(req.path ?? '/') ? 'awsQuery' : 'restXml';
}

/**
 * An answer is acceptable when it succeeds, or is an AWS error of the
 * request's protocol and not a 5xx — save S3's NotImplemented (501), S3's own
 * documented code [doc: S3-API "Error responses"], which the emulator answers
 * on purpose for what it does not model.
 */
function check(req: Checked, answer: RawAnswer): void {
  const error = awsErrorOf(answer);
  const deliberate = answer.status === 501 && error?.protocol === 'restXml' && error.code === 'NotImplemented';
  if (!deliberate) expect(answer.status).toBeLessThan(500);
  if (answer.status < 300) return;
  expect({ status: answer.status, protocol: error?.protocol, body: answer.body.slice(0, 300) }).toMatchObject({ protocol: protocolOf(req) });
}

async function adminWorksThrough(url: string, credentials: typeof admin, answer: (req: IncomingRequest) => Promise<RawAnswer>): Promise<void> {
  const body = 'Action=GetCallerIdentity&Version=2011-06-15';
  const headers = { host: new URL(url).host, 'content-type': FORM };
  const signed = await signedHeaders({ url, credentials, service: 'sts', region: 'us-east-1', date: clock.now(), headers, body });
  const reply = await answer({ method: 'POST', path: '/', query: {}, headers: { ...headers, ...signed }, body });
  expect([reply.status, reply.body]).toEqual([200, expect.stringContaining('<Arn>arn:aws:iam::123456789012:user/idchain-admin</Arn>')]);
  expect(Object.keys(Object.prototype)).toEqual([]);
}

test(`socket-free router: 3000 malformed requests (seed ${SEED}) → AWS errors, never a 5xx`, async () => {
  await fc.assert(
    fc.asyncProperty(request, async (g) => {
      const req = await toIncoming(g);
      const reply = await handle(req);
      check(req, { status: reply.status, headers: reply.headers, body: reply.body });
    }),
    { seed: SEED, numRuns: 3000 },
  );
  await adminWorksThrough(URL_FOR_SIGNING, admin, async (req) => handle(req));
});

test(`real HTTP listener: 300 malformed requests and raw non-HTTP bytes (seed ${SEED}) → AWS errors, the process lives`, async () => {
  const emu = await startEmulator({ clock });
  try {
    const { port } = new URL(emu.url);
    await fc.assert(
      fc.asyncProperty(request, async (g) => {
        const req = await toIncoming(g);
        const headers = Object.fromEntries(Object.entries(req.headers).filter(([k, v]) => k !== 'host' && /^[\t\x20-\x7e]*$/.test(v ?? '') && /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(k))) as Record<string, string>;
        const sendable = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(g.method) && /^[\x21-\x7e]*$/.test(g.path);
        if (!sendable) return;
        // HEAD answers carry no body by HTTP's rules (RFC 9110 §9.3.2): only the status can be checked.
        const head = g.method === 'HEAD';
        const answer = await send(emu.url, { method: g.method, path: g.path, headers, body: head ? '' : g.body });
        if (head) expect(answer.status).toBeLessThan(500);
        else check({ method: g.method, path: req.path, headers, query: req.query }, answer);
      }),
      { seed: SEED, numRuns: 300 },
    );
    const raw = fc.sample(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom('GET / HTTP/9.9\r\n\r\n', 'POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n', 'POST / HTTP/1.1\r\nX-Amz-Target: a.b\r\nContent-Length: zz\r\n\r\n', '\0\0\0\0')), { seed: SEED, numRuns: 40 });
    for (const bytes of raw) {
      const reply = await new Promise<string>((resolve) => {
        const socket = connect(Number(port), '127.0.0.1', () => socket.end(Buffer.from(bytes, 'latin1')));
        const chunks: Buffer[] = [];
        socket.on('data', (c) => chunks.push(c));
        socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
        socket.on('error', () => resolve(Buffer.concat(chunks).toString('utf8')));
      });
      if (reply === '') continue; // the request was incomplete: nothing to answer yet when the client hung up
      const [head, ...rest] = reply.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]);
      const type = /content-type: *([^\r\n]+)/i.exec(head)?.[1];
      const errorType = /x-amzn-errortype: *([^\r\n]+)/i.exec(head)?.[1];
      const line = /^([A-Z]+) (\S+) HTTP\//.exec(bytes);
      const query = Object.fromEntries(new URLSearchParams(line?.[2].split('?')[1] ?? ''));
      check({ method: line?.[1], path: line?.[2].split('?')[0], query, headers: /x-amz-target/i.test(bytes) ? { 'x-amz-target': 'x' } : {} }, { status, headers: { 'content-type': type, 'x-amzn-errortype': errorType }, body: rest.join('\r\n\r\n') });
    }
    await adminWorksThrough(emu.url, emu.credentials, async (req) => send(emu.url, { headers: Object.fromEntries(Object.entries(req.headers).filter(([k]) => k !== 'host')) as Record<string, string>, body: req.body }));
  } finally {
    await emu.stop();
  }
});
