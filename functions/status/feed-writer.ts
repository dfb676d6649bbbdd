// Writes the status files to the site bucket with their content types and
// short cache lifetimes (the feed is rebuilt every minute; CloudFront follows
// Cache-Control). The page goes last, so it never links to data older than it.
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { mapConcurrent } from '../../src/engine/map-concurrent.ts';
import type { StatusFile } from '../../src/status/status-files.ts';

/** Seconds browsers and CloudFront may reuse a file: half the rebuild interval. */
const STATUS_MAX_AGE_SECONDS = 30;
/** PutObject calls in flight at once. */
const CONCURRENCY = 8;

export async function writeStatusFiles(s3: S3Client, bucket: string, files: readonly StatusFile[], signal: AbortSignal): Promise<number> {
  const put = (file: StatusFile) =>
    s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: file.path,
        Body: file.body,
        ContentType: file.contentType,
        CacheControl: `public, max-age=${STATUS_MAX_AGE_SECONDS}`,
      }),
      { abortSignal: signal },
    );
  const page = files.filter((f) => f.path === 'index.html');
  const data = files.filter((f) => f.path !== 'index.html');
  await mapConcurrent(data, CONCURRENCY, put);
  for (const file of page) await put(file);
  return files.length;
}
