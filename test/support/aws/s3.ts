// S3 in the double: PutObject and GetObject over REST-XML, path-style
// (PUT/GET /<bucket>/<key>, which @aws-sdk/client-s3 sends to an IP
// endpoint). GetObject answers the stored body with its Content-Type,
// Content-Length, ETag and Last-Modified, or 404 NoSuchKey. PutObject as S3
// checks it: the
// bucket must exist, keys are 1-1024 UTF-8 bytes, the body must match
// Content-Length, x-amz-content-sha256 and the flexible checksum the SDK adds
// (x-amz-checksum-crc32), and Content-MD5 when sent. Objects keep their body,
// Content-Type and Cache-Control for tests to read back.
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { S3_OBJECT } from './aws-limits.ts';
import { AwsServiceError, type RestProtocol } from './protocols.ts';
import type { AwsRequest, ServiceDefinition } from './server.ts';

export interface StoredObject {
  readonly body: Buffer;
  readonly contentType: string;
  readonly cacheControl: string | null;
  readonly etag: string;
  readonly at: number;
}

/** Buckets by name, objects by key. */
export type Buckets = Map<string, Map<string, StoredObject>>;

const S3_PROTOCOL: RestProtocol = {
  kind: 'rest',
  route: (method, path) => (!/^\/[^/]+\/.+/.test(path) ? null : method === 'PUT' ? 'PutObject' : method === 'GET' ? 'GetObject' : null),
};

const header = (request: AwsRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

function bucketAndKey(buckets: Buckets, request: AwsRequest): { bucket: Map<string, StoredObject>; key: string } {
  const [, rawBucket, ...rawKey] = request.path.split('/');
  const bucket = buckets.get(decodeURIComponent(rawBucket!));
  if (!bucket) throw new AwsServiceError('NoSuchBucket', 'The specified bucket does not exist', { status: 404 });
  return { bucket, key: rawKey.map(decodeURIComponent).join('/') };
}

export function getObject(buckets: Buckets) {
  return (request: AwsRequest) => {
    const { bucket, key } = bucketAndKey(buckets, request);
    const object = bucket.get(key);
    if (!object) throw new AwsServiceError('NoSuchKey', 'The specified key does not exist.', { status: 404 });
    return {
      status: 200,
      headers: { 'content-type': object.contentType, etag: object.etag, 'last-modified': new Date(object.at).toUTCString(), 'accept-ranges': 'bytes' },
      body: object.body,
    };
  };
}

export function putObject(buckets: Buckets) {
  return (request: AwsRequest) => {
    const { bucket, key } = bucketAndKey(buckets, request);
    if (Buffer.byteLength(key) > S3_OBJECT.maxKeyBytes) throw new AwsServiceError('KeyTooLongError', 'Your key is too long');
    const length = header(request, 'content-length');
    if (length === undefined) throw new AwsServiceError('MissingContentLength', 'You must provide the Content-Length HTTP header.', { status: 411 });
    if (Number(length) !== request.body.length) throw new AwsServiceError('IncompleteBody', 'You did not provide the number of bytes specified by the Content-Length HTTP header.');
    const sha = header(request, 'x-amz-content-sha256');
    if (!sha) throw new AwsServiceError('InvalidRequest', 'Missing required header for this request: x-amz-content-sha256');
    if (sha !== 'UNSIGNED-PAYLOAD' && sha !== createHash('sha256').update(request.body).digest('hex')) {
      throw new AwsServiceError('XAmzContentSHA256Mismatch', 'The provided \'x-amz-content-sha256\' header does not match what was computed.');
    }
    const crc = header(request, 'x-amz-checksum-crc32');
    const crcOfBody = Buffer.alloc(4);
    crcOfBody.writeUInt32BE(crc32(request.body));
    if (crc !== undefined && crc !== crcOfBody.toString('base64')) throw new AwsServiceError('BadDigest', 'The CRC32 you specified did not match the calculated checksum.');
    const md5 = createHash('md5').update(request.body);
    const md5Base64 = md5.copy().digest('base64');
    const contentMd5 = header(request, 'content-md5');
    if (contentMd5 !== undefined && contentMd5 !== md5Base64) throw new AwsServiceError('BadDigest', 'The Content-MD5 you specified did not match what we received.');
    const etag = `"${md5.digest('hex')}"`;
    bucket.set(key, {
      body: Buffer.from(request.body),
      contentType: header(request, 'content-type') ?? 'binary/octet-stream',
      cacheControl: header(request, 'cache-control') ?? null,
      etag,
      at: Date.now(),
    });
    return {
      status: 200,
      headers: { etag, 'x-amz-request-id': createHash('sha1').update(String(Date.now())).digest('hex').slice(0, 16).toUpperCase(), ...(crc ? { 'x-amz-checksum-crc32': crc } : {}) },
      body: '',
    };
  };
}

export function s3Service(buckets: Buckets): ServiceDefinition {
  return { name: 's3', signingName: 's3', protocol: S3_PROTOCOL, operations: { PutObject: putObject(buckets), GetObject: getObject(buckets) } };
}
