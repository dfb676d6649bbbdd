// Part 5: the publish path of a 10,000-datum run (about 1,100 endpoints at
// standard detail): build the datums from a report, then batch, serialise,
// gzip, sign and send them to the local CloudWatch double (its own process)
// with the real AWS SDK, as the probe Lambda does. The publishing process
// runs the bundled code; its CPU is measured, the double's is not.
import { TEST_CREDENTIALS } from '../../test/support/aws/index.ts';
import type { CloudWatchDoubleReady, CloudWatchDoubleStats } from '../servers/cloudwatch-double.ts';
import { bundleWorker } from '../support/bundle-worker.ts';
import { runInChild, startService } from '../support/child-process.ts';
import type { BenchSettings, PartResult } from '../support/part-result.ts';
import { median, round3 } from '../support/stats.ts';
import type { PublishInput, PublishRunResult } from '../workers/publish.ts';

const DATUMS = 10_000;

export async function publishPath(settings: BenchSettings): Promise<PartResult> {
  const worker = await bundleWorker('workers/publish.ts');
  const double = await startService<CloudWatchDoubleReady>('servers/cloudwatch-double.ts', {}, { timeoutMs: 30_000 });
  try {
    const runs = settings.quick ? 2 : 4;
    const input: PublishInput = { url: double.ready.url, datums: DATUMS, runs, credentials: TEST_CREDENTIALS };
    const results = await runInChild<PublishRunResult[]>(worker, input, { timeoutMs: 180_000 });
    const stats = await double.ask<CloudWatchDoubleStats>('stats');
    const failed = results.find((r) => r.published !== DATUMS);
    if (failed) throw new Error(`published ${failed.published} of ${DATUMS} datums: ${failed.errors.join('; ')}`);
    if (stats.datums !== DATUMS * runs) throw new Error(`the double received ${stats.datums} datums, expected ${DATUMS * runs}`);
    const [first, ...warm] = results;
    const ms = (v: number) => `${Math.round(v)} ms`;
    return {
      id: 'publish-path',
      title: `5. Publish ${DATUMS.toLocaleString('en-US')} datums to the local CloudWatch double`,
      rows: [
        { measure: 'build datums from the report: wall / CPU (warm, median)', value: `${ms(median(warm.map((r) => r.buildMs)))} / ${ms(median(warm.map((r) => r.buildCpuMs)))}` },
        { measure: 'batch + gzip + sign + send: wall / CPU (warm, median)', value: `${ms(median(warm.map((r) => r.publishMs)))} / ${ms(median(warm.map((r) => r.publishCpuMs)))}` },
        { measure: 'first publish in a fresh process: wall / CPU', value: `${ms(first!.buildMs + first!.publishMs)} / ${ms(first!.buildCpuMs + first!.publishCpuMs)}` },
        { measure: 'requests per run; bytes on the wire (gzip) / JSON', value: `${first!.requests}; ${Math.round(stats.wireBytes / runs / 1024)} / ${Math.round(stats.bodyBytes / runs / 1024)} KiB` },
      ],
      notes: [
        `${runs} runs in one bundled process. ${stats.gzipRequests} of ${stats.requests} requests were gzip-compressed (the SDK compresses bodies of 10 KiB and more: every 1,000-datum batch; the heartbeat goes alone, last, uncompressed). The double validated every datum against the PutMetricData limits and received all ${stats.datums}. The synthetic report repeats itself, so gzip does better here than on real data.`,
      ],
      data: {
        datums: DATUMS, runs,
        runsMs: results.map((r) => ({ buildMs: round3(r.buildMs), buildCpuMs: round3(r.buildCpuMs), publishMs: round3(r.publishMs), publishCpuMs: round3(r.publishCpuMs), requests: r.requests })),
        double: stats,
      },
    };
  } finally {
    await double.stop();
  }
}
