// The monthly cost of deploying a config, priced line by line, beside what
// CloudWatch Synthetics charges to run the same checks (one canary per
// endpoint per region, on the same schedule). Pure: counts come from the
// alarm plan and the metric inventory, prices from prices.ts, and every number that
// is a guess rather than a count is in ASSUMPTIONS with its reason.
import type { ResolvedConfig } from '../config/resolved-config.ts';
import { alarmPlan, servedEndpoints } from '../alarms/alarm-plan.ts';
import { DASHBOARDS, PROBE_FUNCTION, STATUS_FUNCTION } from './deployment-sizes.ts';
import { metricInventory } from './metric-inventory.ts';
import { PRICES, tieredCost, type Price } from './prices.ts';
import { HOURS_PER_MONTH, runsPerMonth } from '../config/schedule.ts';
import { DESCRIBE_ALARMS, PUT_METRIC_DATA } from '../config/aws-limits.ts';
import { metricsPerRun } from '../status/metric-budget.ts';
import { arrivalWatchSeconds } from './arrival-cost.ts';

export const ASSUMPTIONS = {
  /** Probes run concurrently in waves of probe.concurrency; a healthy probe, TLS and chain calls included, ends well inside a second. */
  probeWaveSeconds: 1.0,
  /** Per invocation: publishing (gzip'd PutMetricData), plus cold starts and AssumeRole averaged over warm runs. */
  probeOverheadSeconds: 0.5,
  /** Lambda's START, END and REPORT lines per invocation. */
  platformLogBytes: 350,
  statusRunSeconds: 1.5,
  statusLogBytesPerRun: 1000,
  /** index.html, api/v2/{summary,status,components,incidents,scheduled-maintenances}.json, scheduled-maintenances/{upcoming,active}.json, history.json, feed.atom; plus one badge per network. */
  statusFixedFilesPerRun: 10,
  /** A Synthetics API canary: 1 GB (about the smallest a canary runtime accepts) for 2 s per run. */
  canaryMemoryGb: 1,
  canaryRunSeconds: 2,
} as const;

export type CostCategory = 'CloudWatch' | 'Lambda' | 'EventBridge' | 'Other';

export interface CostLine {
  readonly category: CostCategory;
  readonly item: string;
  readonly quantity: number;
  readonly unit: string;
  /** Price per unit in USD (for tiered prices: the average over the quantity). */
  readonly unitUsd: number;
  readonly monthlyUsd: number;
}

export interface CostSide {
  readonly lines: readonly CostLine[];
  readonly totalUsd: number;
}

export interface CostEstimate {
  readonly shape: {
    readonly endpoints: number;
    readonly regions: readonly string[];
    readonly schedule: string;
    readonly runsPerMonthPerRegion: number;
    readonly shards: number;
    readonly metrics: number;
    readonly alarms: number;
    readonly compositeAlarms: number;
  };
  readonly vantage: CostSide;
  readonly synthetics: CostSide;
}

export function estimateCost(config: ResolvedConfig): CostEstimate {
  const regions = config.probe.regions;
  const runs = runsPerMonth(config.probe.schedule);
  const shards = config.probe.shards;
  const endpoints = config.networks.reduce((n, net) => n + net.endpoints.length, 0);
  const metrics = metricInventory(config);
  const alarms = alarmPlan(config);
  const metricAlarms = alarms.filter((a) => a.children.length === 0);
  const composites = alarms.length - metricAlarms.length;
  const insightsMetrics = metricAlarms.filter((a) => a.subject.kind === 'stale-head').reduce((n, a) => n + a.billedMetrics, 0);
  const alarmMetrics = metricAlarms.reduce((n, a) => n + a.billedMetrics, 0) - insightsMetrics;

  const invocations = runs * regions.length * shards;
  const endpointsPerShard = Math.ceil(endpoints / shards);
  const probeSeconds = Math.ceil(endpointsPerShard / config.probe.concurrency) * ASSUMPTIONS.probeWaveSeconds + ASSUMPTIONS.probeOverheadSeconds;
  // Each shard sends its datums (PUT_METRIC_DATA.maxDatums a request), then its ProbeRuns heartbeat alone (src/publish/publish-run.ts).
  const putRequests = runs * regions.length * (Math.max(shards, Math.ceil(metrics.datumsPerRun / PUT_METRIC_DATA.maxDatums)) + shards);

  const statusRuns = runsPerMonth(STATUS_FUNCTION.schedule);
  const served = config.networks.reduce((n, net) => n + servedEndpoints(net).length, 0);
  const statusMetricsRequested = statusRuns * metricsPerRun(served, regions.length).average;
  // DescribeAlarms pages, plus one DescribeAlarmHistory call.
  const describeCalls = statusRuns * (Math.ceil(alarms.length / DESCRIBE_ALARMS.maxRecords) + 1);
  const statusPuts = statusRuns * (ASSUMPTIONS.statusFixedFilesPerRun + config.networks.length);

  const logGb = (invocations * (ASSUMPTIONS.platformLogBytes + metrics.reportBytes / shards)
    + statusRuns * (ASSUMPTIONS.platformLogBytes + ASSUMPTIONS.statusLogBytesPerRun)) / 1e9;
  // Steady state: the retention window's worth of logs is stored (counted uncompressed: an upper bound).
  const storedGb = logGb * (config.logs.retentionDays / (HOURS_PER_MONTH / 24));

  const gbSeconds = invocations * probeSeconds * (PROBE_FUNCTION.memoryMb / 1024)
    + statusRuns * ASSUMPTIONS.statusRunSeconds * (STATUS_FUNCTION.memoryMb / 1024);
  // Lambda bills the wall time: an invocation that watches block arrival waits its window out.
  const arrival = arrivalWatchSeconds(config, runs * regions.length);
  const arrivalGbSeconds = arrival.seconds * (PROBE_FUNCTION.memoryMb / 1024);

  const vantage: CostLine[] = [
    tiered('CloudWatch', 'custom metrics', metrics.metrics, PRICES.customMetric.unit, tieredCost(PRICES.customMetric, metrics.metrics)),
    line('CloudWatch', `alarm metrics (${metricAlarms.length - countKind(metricAlarms, 'stale-head')} metric alarms)`, alarmMetrics, PRICES.alarmMetric),
    line('CloudWatch', `Metrics Insights alarms (${countKind(metricAlarms, 'stale-head')} stale-head)`, insightsMetrics, PRICES.insightsAlarmMetric),
    line('CloudWatch', 'composite alarms', composites, PRICES.compositeAlarm),
    line('CloudWatch', 'dashboard', DASHBOARDS, PRICES.dashboard),
    line('CloudWatch', 'PutMetricData requests', putRequests, PRICES.apiRequest),
    line('CloudWatch', 'GetMetricData metrics (status page)', statusMetricsRequested, PRICES.getMetricDataMetric),
    line('CloudWatch', 'DescribeAlarms/History requests', describeCalls, PRICES.apiRequest),
    line('CloudWatch', 'Logs ingestion', logGb, PRICES.logsIngestion),
    line('CloudWatch', 'Logs storage', storedGb, PRICES.logsStorage),
    line('Lambda', 'requests (probe + status)', invocations + statusRuns, PRICES.lambdaRequest),
    line('Lambda', 'compute, arm64', gbSeconds, PRICES.lambdaArmGbSecond),
    ...(arrival.seconds > 0
      ? [line('Lambda', `compute, arm64: block arrival watch (${arrival.windowSeconds} s × ${count(arrival.invocations)} invocations)`, arrivalGbSeconds, PRICES.lambdaArmGbSecond)]
      : []),
    line('EventBridge', 'scheduled rule events', invocations + statusRuns, PRICES.scheduledEvent),
    line('Other', 'KMS key (encrypted SNS topics)', 1, PRICES.kmsKey),
    line('Other', 'S3 PUT (status feed)', statusPuts, PRICES.s3Put),
  ];

  const canaryRuns = endpoints * regions.length * runs;
  const synthetics: CostLine[] = [
    line('CloudWatch', `canary runs (${endpoints * regions.length} canaries)`, canaryRuns, PRICES.canaryRun),
    line('Lambda', 'canary requests', canaryRuns, PRICES.lambdaRequest),
    line('Lambda', 'canary compute, x86_64', canaryRuns * ASSUMPTIONS.canaryRunSeconds * ASSUMPTIONS.canaryMemoryGb, PRICES.lambdaX86GbSecond),
  ];

  return {
    shape: {
      endpoints, regions, schedule: config.probe.schedule, runsPerMonthPerRegion: runs, shards,
      metrics: metrics.metrics, alarms: metricAlarms.length, compositeAlarms: composites,
    },
    vantage: side(vantage),
    synthetics: side(synthetics),
  };
}

function count(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function countKind(alarms: readonly { subject: { kind: string } }[], kind: string): number {
  return alarms.filter((a) => a.subject.kind === kind).length;
}

function line(category: CostCategory, item: string, quantity: number, price: Price): CostLine {
  return { category, item, quantity, unit: price.unit, unitUsd: price.usd, monthlyUsd: quantity * price.usd };
}

function tiered(category: CostCategory, item: string, quantity: number, unit: string, usd: number): CostLine {
  return { category, item, quantity, unit, unitUsd: quantity > 0 ? usd / quantity : 0, monthlyUsd: usd };
}

function side(lines: CostLine[]): CostSide {
  return { lines, totalUsd: lines.reduce((n, l) => n + l.monthlyUsd, 0) };
}
