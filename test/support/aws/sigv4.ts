// Signature Version 4 as AWS checks it, for the local double: recomputes the
// signature of a request from the secret key it was issued with and compares
// (AWS General Reference, "Create a signed AWS API request": canonical
// request, string to sign, HMAC-SHA256 signing key chain). A request signed
// with the wrong secret, an unknown key, a temporary key without its session
// token, expired credentials or a clock more than 15 minutes off is refused
// with the error AWS answers, so a test cannot pass with credentials that
// would fail in AWS (e.g. publishing with the assumed role's key id but the
// function's own secret).
import { createHash, createHmac } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { AwsServiceError } from './protocols.ts';

/** Credentials the SDK signs with when talking to the double: a long-term key the double knows. */
export const TEST_CREDENTIALS = { accessKeyId: 'AKIDVANTAGETEST', secretAccessKey: 'vantage-test-secret' } as const;

export interface KnownCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** Temporary credentials (ASIA…) carry one; requests must send it as X-Amz-Security-Token. */
  readonly sessionToken?: string;
  readonly expiration?: Date;
}

export interface SignedRequest {
  readonly method: string;
  /** Path and query as sent on the wire (req.url). */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  /** Body bytes as sent (compressed when Content-Encoding is gzip: the SDK signs what it sends). */
  readonly wire: Buffer;
  /** S3 signs the path as sent; every other service the path URI-encoded once more. */
  readonly s3: boolean;
}

export interface Authorization {
  readonly accessKeyId: string;
  readonly date: string;
  readonly region: string;
  readonly service: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

/** "Signature expired" / RequestTimeTooSkewed: AWS allows 15 minutes either way. */
const MAX_SKEW_MS = 15 * 60_000;

const AUTH = /^AWS4-HMAC-SHA256 Credential=([^/\s]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

export function parseAuthorization(header: string): Authorization | null {
  const m = AUTH.exec(header);
  if (!m) return null;
  return { accessKeyId: m[1]!, date: m[2]!, region: m[3]!, service: m[4]!, signedHeaders: m[5]!.split(';'), signature: m[6]! };
}

/** RFC 3986 encoding, as SigV4 wants it (encodeURIComponent leaves !'()* alone). */
function escape(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function canonicalPath(path: string, s3: boolean): string {
  if (s3) return path;
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const normalized = `${path.startsWith('/') ? '/' : ''}${segments.join('/')}${segments.length > 0 && path.endsWith('/') ? '/' : ''}`;
  return escape(normalized).replace(/%2F/g, '/');
}

function canonicalQuery(search: string): string {
  const pairs: string[] = [];
  for (const part of search.replace(/^\?/, '').split('&').filter(Boolean)) {
    const eq = part.indexOf('=');
    const key = decodeURIComponent(eq === -1 ? part : part.slice(0, eq));
    const value = eq === -1 ? '' : decodeURIComponent(part.slice(eq + 1));
    if (key.toLowerCase() === 'x-amz-signature') continue;
    pairs.push(`${escape(key)}=${escape(value)}`);
  }
  return pairs.sort().join('&');
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

/** The signature AWS computes for this request with `secret`. */
export function expectedSignature(request: SignedRequest, auth: Authorization, secret: string): string {
  const url = new URL(request.url, 'http://double');
  const canonicalHeaders = auth.signedHeaders.map((name) => `${name}:${(headerValue(request.headers, name) ?? '').replace(/[\r\n]/g, ' ').replace(/[ \t]+/g, ' ').trim()}\n`).join('');
  // S3 signs the x-amz-content-sha256 it was given (and checks it against the
  // body afterwards: XAmzContentSHA256Mismatch); other services hash what arrived.
  const bodyHash = createHash('sha256').update(request.wire).digest('hex');
  const payloadHash = request.s3 ? headerValue(request.headers, 'x-amz-content-sha256') ?? bodyHash : bodyHash;
  const canonicalRequest = [
    request.method,
    canonicalPath(url.pathname, request.s3),
    canonicalQuery(url.search),
    canonicalHeaders,
    auth.signedHeaders.join(';'),
    payloadHash,
  ].join('\n');
  const scope = `${auth.date}/${auth.region}/${auth.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', headerValue(request.headers, 'x-amz-date') ?? '', scope, createHash('sha256').update(canonicalRequest).digest('hex')].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, auth.date), auth.region), auth.service), 'aws4_request');
  return createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
}

/** Error codes per protocol family: query services (STS) say InvalidClientTokenId, JSON ones UnrecognizedClientException. */
export interface AuthErrorStyle {
  readonly query: boolean;
}

/**
 * Throws the AwsServiceError AWS would answer, or returns when the request
 * is signed by `known` credentials, with their token, in time.
 */
export function verifySignature(request: SignedRequest, auth: Authorization, known: KnownCredentials | undefined, style: AuthErrorStyle, now = Date.now()): void {
  const invalidToken = () => style.query
    ? new AwsServiceError('InvalidClientTokenId', 'The security token included in the request is invalid.', { status: 403 })
    : new AwsServiceError('UnrecognizedClientException', 'The security token included in the request is invalid.', { status: 403 });
  if (!known) throw invalidToken();
  const token = headerValue(request.headers, 'x-amz-security-token');
  if (known.sessionToken !== undefined && token !== known.sessionToken) throw invalidToken();
  if (known.sessionToken !== undefined && !auth.signedHeaders.includes('x-amz-security-token')) {
    throw new AwsServiceError('IncompleteSignature', 'X-Amz-Security-Token must be a signed header', { status: 403 });
  }
  if (known.expiration && known.expiration.getTime() <= now) {
    throw new AwsServiceError(style.query ? 'ExpiredToken' : 'ExpiredTokenException', 'The security token included in the request is expired', { status: 403 });
  }
  const amzDate = headerValue(request.headers, 'x-amz-date') ?? '';
  const signedAt = Date.parse(`${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`);
  if (!Number.isFinite(signedAt) || Math.abs(now - signedAt) > MAX_SKEW_MS) {
    throw new AwsServiceError(request.s3 ? 'RequestTimeTooSkewed' : 'InvalidSignatureException', `Signature expired: ${amzDate} is more than 15 minutes from the server's time`, { status: 403 });
  }
  if (expectedSignature(request, auth, known.secretAccessKey) !== auth.signature) {
    throw new AwsServiceError(style.query || request.s3 ? 'SignatureDoesNotMatch' : 'InvalidSignatureException',
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.', { status: 403 });
  }
}
