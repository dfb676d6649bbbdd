// Bench worker: the probe Lambda's publish path for a 10,000-datum run, in a
// fresh process, bundled as the Lambda ships it: report → datums (build),
// then publishRun → batches of ≤ 1,000, JSON, gzip (the SDK's request
// compression), SigV4, PutMetricData to the local CloudWatch double, 4 in
// flight. The first run includes the SDK's first-use costs (credentials,
// first connection); the repeats are a warm Lambda's.
import { performance } from 'node:perf_hooks';
import type { DatumPlan } from '../../src/metrics/datum-plan.ts';
import { reportToDatums } from '../../src/metrics/report-datums.ts';
import type { MetricDatum } from '../../src/metrics/datum.ts';
import { createPublisher } from '../../src/publish/create-publisher.ts';
import { publishRun } from '../../src/publish/publish-run.ts';
import type { EndpointReport, NetworkReport, Report } from '../../src/report/report.ts';
import { runWorker } from '../support/worker-ipc.ts';

export interface PublishInput {
  readonly url: string;
  readonly datums: number;
  readonly runs: number;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
}

export interface PublishRunResult {
  readonly datums: number;
  readonly buildMs: number;
  readonly buildCpuMs: number;
  readonly publishMs: number;
  readonly publishCpuMs: number;
  readonly requests: number;
  readonly published: number;
  readonly errors: readonly string[];
}

/** A healthy HTTPS EVM endpoint as a round reports it (every standard metric present). */
function endpoint(i: number): EndpointReport {
  return {
    id: `endpoint-${String(i).padStart(4, '0')}`,
    url: `https://node-${i}.example.com/`,
    reference: false,
    status: 'up',
    reasons: [],
    timings: { dnsMs: 1.2, connectMs: 10.4 + (i % 7), tlsMs: 22.1, ttfbMs: 48.3 + (i % 11), totalMs: 60.2, upgradeMs: null, firstNotificationMs: null },
    tls: { protocol: 'TLSv1.3', notAfter: '2027-01-01T00:00:00.000Z', daysToExpiry: 120.5, issuer: 'CN=Bench CA', subject: 'CN=node', trusted: true, hostnameMatch: true } as EndpointReport['tls'],
    chain: {
      height: 21_000_000 + i, lagBlocks: 0, headAgeSeconds: 3.1, syncing: false, peers: 25,
      finalizedHeight: null, finalityLagBlocks: null, finalityLagSeconds: null, blockIntervalSeconds: null,
    },
    addresses: [],
    arrival: null,
  };
}

/** A report with at least `minDatums` datums' worth of endpoints, 100 per network. */
function syntheticReport(endpoints: number, startedAt: string): Report {
  const networks: NetworkReport[] = [];
  for (let n = 0; n * 100 < endpoints; n++) {
    networks.push({
      id: `network-${n}`, chain: 'evm', status: 'up', referenceHeight: 21_000_000,
      endpoints: Array.from({ length: Math.min(100, endpoints - n * 100) }, (_, i) => endpoint(n * 100 + i)),
      accounts: [],
    });
  }
  return { schemaVersion: 1, startedAt, durationMs: 1000, region: 'eu-west-1', status: 'up', networks };
}

/** The synthetic endpoints are unknown to any config: each publishes its per-region metrics. */
const STANDARD: DatumPlan = { detail: 'standard', endpoint: () => null, maintenance: [] };

runWorker<PublishInput, PublishRunResult[]>(async (input) => {
  process.env['AWS_ACCESS_KEY_ID'] = input.credentials.accessKeyId;
  process.env['AWS_SECRET_ACCESS_KEY'] = input.credentials.secretAccessKey;
  delete process.env['AWS_SESSION_TOKEN'];
  const publisher = createPublisher({ namespace: 'VantageBench', centralRegion: 'us-east-1', roleArn: null, endpoints: { cloudwatch: input.url } });
  // Datums one more endpoint adds (a one-endpoint report also carries its network's and the heartbeat).
  const sized = (n: number) => reportToDatums(syntheticReport(n, new Date().toISOString()), STANDARD).length;
  const perEndpoint = sized(2) - sized(1);
  const results: PublishRunResult[] = [];
  for (let r = 0; r < input.runs; r++) {
    const startedAt = new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString();
    let cpu = process.cpuUsage();
    let started = performance.now();
    const report = syntheticReport(Math.ceil((input.datums - 1) / perEndpoint), startedAt);
    const all = reportToDatums(report, STANDARD);
    if (all.length < input.datums) throw new Error(`the synthetic report makes ${all.length} datums, fewer than ${input.datums}`);
    // Exactly `datums`: the heartbeat (last) plus the first datums - 1 others.
    const datums: MetricDatum[] = [...all.slice(0, input.datums - 1), all[all.length - 1]!];
    const buildMs = performance.now() - started;
    const buildCpu = process.cpuUsage(cpu);
    cpu = process.cpuUsage();
    started = performance.now();
    const outcome = await publishRun(publisher, datums, { deadline: Date.now() + 60_000 });
    const publishMs = performance.now() - started;
    const publishCpu = process.cpuUsage(cpu);
    results.push({
      datums: datums.length, buildMs, buildCpuMs: (buildCpu.user + buildCpu.system) / 1000, publishMs, publishCpuMs: (publishCpu.user + publishCpu.system) / 1000,
      requests: outcome.requests, published: outcome.published, errors: outcome.errors.slice(0, 3),
    });
  }
  return results;
});
