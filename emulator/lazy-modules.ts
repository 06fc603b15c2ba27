/* eslint-disable @typescript-eslint/no-require-imports */
import type * as Jose from 'jose';
import type * as XmlCrypto from 'xml-crypto';
import type * as Xmldom from '@xmldom/xmldom';
import type * as FastXmlParser from 'fast-xml-parser';

/**
 * Libraries only some operations need, loaded on first use rather than when
 * the emulator starts: together they are about a third of its start-up
 * (jose alone loads dozens of ES modules), and a client's first request —
 * usually STS or IAM — needs none of them. require(), not import(): the build
 * is CommonJS, and Node 20.19+ loads the ESM-only jose through require(esm).
 */
let jose: typeof Jose | undefined;
let xmlCrypto: typeof XmlCrypto | undefined;
let xmldom: typeof Xmldom | undefined;
let fastXmlParser: typeof FastXmlParser | undefined;

/** jose: JWT verification and decoding (signing is jwt-sign.ts, on the thread pool). */
export const loadJose = (): typeof Jose => (jose ??= require('jose') as typeof Jose);
/** xml-crypto: SAML signature verification. */
export const loadXmlCrypto = (): typeof XmlCrypto => (xmlCrypto ??= require('xml-crypto') as typeof XmlCrypto);
/** @xmldom/xmldom: SAML responses and metadata. */
export const loadXmldom = (): typeof Xmldom => (xmldom ??= require('@xmldom/xmldom') as typeof Xmldom);
/** fast-xml-parser: S3 request bodies (an S3 error document, written by hand, does not need it). */
export const loadFastXmlParser = (): typeof FastXmlParser => (fastXmlParser ??= require('fast-xml-parser') as typeof FastXmlParser);
