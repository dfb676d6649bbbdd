// The local CloudWatch double (test/support/aws/) as a bench process of its
// own: the real AWS SDK in the publishing process talks to it over HTTP, and
// the double's CPU never counts against the publisher's. Answers an IPC
// "stats" message with what arrived, then resets its record.
import { startProbeAwsDouble } from '../../test/support/aws/index.ts';
import { publishedDatums } from '../../test/support/aws/cloudwatch.ts';

export interface CloudWatchDoubleReady {
  readonly url: string;
}

export interface CloudWatchDoubleStats {
  readonly requests: number;
  readonly gzipRequests: number;
  readonly datums: number;
  /** Request bodies as sent (gzip) and as JSON. */
  readonly wireBytes: number;
  readonly bodyBytes: number;
}

const { double } = await startProbeAwsDouble();
process.on('message', (message) => {
  if (message !== 'stats') return;
  const calls = double.calls('cloudwatch', 'PutMetricData');
  const stats: CloudWatchDoubleStats = {
    requests: calls.length,
    gzipRequests: calls.filter((c) => c.gzip).length,
    // Datums sharing name, dimensions and timestamp travel as one entry (Values, and Counts for repeated values).
    datums: publishedDatums(double).reduce((n, d) => n + (d.Counts?.reduce((a, b) => a + b, 0) ?? d.Values?.length ?? 1), 0),
    wireBytes: calls.reduce((sum, c) => sum + c.wireBytes, 0),
    bodyBytes: calls.reduce((sum, c) => sum + c.body.length, 0),
  };
  double.reset();
  process.send?.(stats);
});
const ready: CloudWatchDoubleReady = { url: double.url };
process.send?.(ready);
const exit = () => void double.stop().finally(() => process.exit(0));
process.once('SIGTERM', exit);
process.once('disconnect', exit);
