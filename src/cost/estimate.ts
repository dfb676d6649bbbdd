// The monthly cost of deploying a config, priced line by line, beside what
// CloudWatch Synthetics charges to run the same checks (one canary per
// endpoint per region, on the same schedule). Pure: counts come from the
// alarm plan and the metric inventory, prices from prices.ts, and every number that
// is a guess rather than a count is in ASSUMPTIONS with its reason.
import type { ResolvedConfig } from '../config/resolved-config.ts';
import { alarmPlan, servedEndpoints, type AlarmPlan } from '../alarms/alarm-plan.ts';
import { packAlarmStacks } from '../alarms/alarm-stacks.ts';
import { timeToDetect, type DetectionTime } from '../alarms/time-to-detect.ts';
import { DASHBOARDS, PROBE_FUNCTION, STATUS_FUNCTION } from './deployment-sizes.ts';
import { metricInventory } from './metric-inventory.ts';
import { PRICES, tieredCost, type Price } from './prices.ts';
import { quotaUse, type QuotaUse } from './quotas.ts';
import { HOURS_PER_MONTH, runsPerMonth, scheduleIntervalSeconds } from '../config/schedule.ts';
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
  /** The status function's alarm history reads per run in steady state (only alarms that changed are read). */
  statusHistoryCallsPerRun: 1,
  /** A Synthetics API canary: 1 GB (about the smallest a canary runtime accepts) for 2 s per run. */
  canaryMemoryGb: 1,
  canaryRunSeconds: 2,
  /** Canaries run at most once a minute (Synthetics schedules: rate(1 minute) and slower). */
  canaryMinIntervalSeconds: 60,
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
    readonly servedEndpoints: number;
    readonly regions: readonly string[];
    readonly schedule: string;
    readonly everySeconds: number;
    readonly roundsPerInvocation: number;
    readonly runsPerMonthPerRegion: number;
    readonly shards: number;
    readonly metrics: number;
    readonly metricLayout: { readonly endpointRegion: number; readonly endpoint: number; readonly network: number; readonly other: number };
    /** Metric alarms (standard, high-resolution, Metrics Insights and anomaly), without composites. */
    readonly alarms: number;
    readonly compositeAlarms: number;
    readonly insightsAlarms: number;
    readonly alarmGroups: number;
    readonly alarmStacks: number;
    readonly strategy: AlarmPlan['strategy'];
    readonly strategyReason: string;
  };
  readonly vantage: CostSide;
  readonly synthetics: CostSide;
  /** Vantage's monthly total per endpoint and per endpoint and probe region. */
  readonly perEndpointUsd: number;
  readonly perEndpointRegionUsd: number;
  readonly quotas: readonly QuotaUse[];
  readonly detection: readonly DetectionTime[];
  /** Things the config asks that will not hold (e.g. rounds longer than everySeconds). */
  readonly warnings: readonly string[];
}

export function estimateCost(config: ResolvedConfig): CostEstimate {
  const regions = config.probe.regions;
  const runs = runsPerMonth(config.probe.schedule);
  const shards = config.probe.shards;
  const endpoints = config.networks.reduce((n, net) => n + net.endpoints.length, 0);
  const served = config.networks.reduce((n, net) => n + servedEndpoints(net).length, 0);
  const metrics = metricInventory(config);
  const plan = alarmPlan(config);
  const alarms = plan.alarms;
  const of = (billing: string) => alarms.filter((a) => a.billing === billing);
  const billed = (billing: string) => of(billing).reduce((n, a) => n + a.billedMetrics, 0);

  const interval = scheduleIntervalSeconds(config.probe.schedule);
  const rounds = config.probe.everySeconds < 60 ? Math.floor(60 / config.probe.everySeconds) : 1;
  const invocations = runs * regions.length * shards;
  const endpointsPerShard = Math.ceil(endpoints / shards);
  const roundSeconds = Math.ceil(endpointsPerShard / config.probe.concurrency) * ASSUMPTIONS.probeWaveSeconds;
  // Lambda bills the whole invocation, waits between rounds included.
  const probeSeconds = (rounds - 1) * config.probe.everySeconds + roundSeconds + ASSUMPTIONS.probeOverheadSeconds;
  // Per shard and invocation: each round's datums (PUT_METRIC_DATA.maxDatums a request), then the ProbeRuns heartbeat alone.
  const perShard = (datums: number) => Math.max(1, Math.ceil(datums / shards / PUT_METRIC_DATA.maxDatums));
  const putsPerInvocation = perShard(metrics.datumsFirstRound) + (rounds - 1) * perShard(metrics.datumsLaterRound) + 1;
  const putRequests = invocations * putsPerInvocation;

  const statusRuns = runsPerMonth(STATUS_FUNCTION.schedule);
  // Uptime and charts as often as src/status/metric-budget.ts reads them; the per-region breakdown only for firing alarms.
  const statusMetricsRequested = statusRuns * metricsPerRun(served, regions.length).average;
  const metricAlarms = alarms.filter((a) => a.billing !== 'composite');
  const insights = of('insights');
  // DescribeAlarms pages, DescribeAlarmContributors per fleet alarm, and the history reads.
  const describeCalls = statusRuns * (Math.ceil(metricAlarms.length / DESCRIBE_ALARMS.maxRecords) + insights.length + ASSUMPTIONS.statusHistoryCallsPerRun);
  const statusPuts = statusRuns * (ASSUMPTIONS.statusFixedFilesPerRun + config.networks.length);

  const logGb = (invocations * ASSUMPTIONS.platformLogBytes + runs * regions.length * rounds * metrics.reportBytes
    + statusRuns * (ASSUMPTIONS.platformLogBytes + ASSUMPTIONS.statusLogBytesPerRun)) / 1e9;
  // Steady state: the retention window's worth of logs is stored (counted uncompressed: an upper bound).
  const storedGb = logGb * (config.logs.retentionDays / (HOURS_PER_MONTH / 24));

  const gbSeconds = invocations * probeSeconds * (PROBE_FUNCTION.memoryMb / 1024)
    + statusRuns * ASSUMPTIONS.statusRunSeconds * (STATUS_FUNCTION.memoryMb / 1024);
  // Lambda bills the wall time: an invocation that watches block arrival waits its window out (with its first round).
  const arrival = arrivalWatchSeconds(config, runs * regions.length);
  const arrivalGbSeconds = arrival.seconds * (PROBE_FUNCTION.memoryMb / 1024);

  const vantage: CostLine[] = [
    tiered('CloudWatch', 'custom metrics', metrics.metrics, PRICES.customMetric.unit, tieredCost(PRICES.customMetric, metrics.metrics)),
    ...nonZero([
      line('CloudWatch', `alarm metrics (${of('standard').length} alarms, ${of('anomaly').length} anomaly bands × 3)`, billed('standard') + billed('anomaly'), PRICES.alarmMetric),
      line('CloudWatch', `high-resolution alarm metrics (${of('high-resolution').length} alarms)`, billed('high-resolution'), PRICES.highResolutionAlarmMetric),
      line('CloudWatch', `Metrics Insights alarms (${insights.length}): metrics analysed`, billed('insights'), PRICES.insightsAlarmMetric),
    ]),
    line('CloudWatch', 'composite alarms', of('composite').length, PRICES.compositeAlarm),
    line('CloudWatch', 'dashboard', DASHBOARDS, PRICES.dashboard),
    line('CloudWatch', 'PutMetricData requests', putRequests, PRICES.apiRequest),
    line('CloudWatch', 'GetMetricData metrics (status page)', statusMetricsRequested, PRICES.getMetricDataMetric),
    line('CloudWatch', 'DescribeAlarms/Contributors/History requests', describeCalls, PRICES.apiRequest),
    line('CloudWatch', 'Logs ingestion', logGb, PRICES.logsIngestion),
    line('CloudWatch', 'Logs storage', storedGb, PRICES.logsStorage),
    line('Lambda', 'requests (probe + status)', invocations + statusRuns, PRICES.lambdaRequest),
    line('Lambda', 'compute, arm64', gbSeconds, PRICES.lambdaArmGbSecond),
    ...(arrival.seconds > 0
      ? [line('Lambda', `compute, arm64: block arrival watch (${arrival.windowSeconds} s × ${Math.round(arrival.invocations).toLocaleString('en-US')} invocations)`, arrivalGbSeconds, PRICES.lambdaArmGbSecond)]
      : []),
    line('EventBridge', 'scheduled rule events', invocations + statusRuns, PRICES.scheduledEvent),
    line('Other', 'KMS key (encrypted SNS topics)', 1, PRICES.kmsKey),
    line('Other', 'S3 PUT (status feed)', statusPuts, PRICES.s3Put),
  ];

  // Synthetics cannot check more often than once a minute: priced at its fastest when rounds are faster.
  const canaryRuns = endpoints * regions.length * runsPerMonth(`rate(${Math.max(interval, ASSUMPTIONS.canaryMinIntervalSeconds) / 60} minutes)`);
  const synthetics: CostLine[] = [
    line('CloudWatch', `canary runs (${(endpoints * regions.length).toLocaleString('en-US')} canaries)`, canaryRuns, PRICES.canaryRun),
    line('Lambda', 'canary requests', canaryRuns, PRICES.lambdaRequest),
    line('Lambda', 'canary compute, x86_64', canaryRuns * ASSUMPTIONS.canaryRunSeconds * ASSUMPTIONS.canaryMemoryGb, PRICES.lambdaX86GbSecond),
  ];

  const warnings: string[] = [];
  if (rounds > 1 && roundSeconds > config.probe.everySeconds) {
    const needed = Math.ceil(endpoints / (Math.floor(config.probe.everySeconds / ASSUMPTIONS.probeWaveSeconds) * config.probe.concurrency));
    warnings.push(`a round of ${endpointsPerShard} endpoints takes about ${roundSeconds} s at concurrency ${config.probe.concurrency}, longer than everySeconds ${config.probe.everySeconds}: set probe.shards to at least ${needed}`);
  }
  const side = sideOf(vantage);
  const stacks = packAlarmStacks(alarms);
  return {
    shape: {
      endpoints, servedEndpoints: served, regions, schedule: config.probe.schedule, everySeconds: config.probe.everySeconds,
      roundsPerInvocation: rounds, runsPerMonthPerRegion: runs, shards,
      metrics: metrics.metrics, metricLayout: metrics.byLayout,
      alarms: metricAlarms.length, compositeAlarms: of('composite').length, insightsAlarms: insights.length,
      alarmGroups: plan.groups.groups.length, alarmStacks: stacks.central ? 0 : stacks.stacks.length,
      strategy: plan.strategy, strategyReason: plan.reason,
    },
    vantage: side,
    synthetics: sideOf(synthetics),
    perEndpointUsd: endpoints > 0 ? side.totalUsd / endpoints : 0,
    perEndpointRegionUsd: endpoints > 0 ? side.totalUsd / (endpoints * regions.length) : 0,
    quotas: quotaUse(config, plan, { putRequestsPerSecond: regions.length * shards * perShard(metrics.datumsFirstRound), invocationSeconds: probeSeconds, intervalSeconds: interval }),
    detection: timeToDetect(config, plan),
    warnings: [...warnings, ...plan.problems],
  };
}

/** The same config probed every 10 seconds (the once-a-minute schedule that needs). */
export function everyTenSeconds(config: ResolvedConfig): ResolvedConfig {
  return { ...config, probe: { ...config.probe, everySeconds: 10, schedule: 'rate(1 minute)' } };
}

function nonZero(lines: CostLine[]): CostLine[] {
  return lines.filter((l) => l.quantity > 0);
}

function line(category: CostCategory, item: string, quantity: number, price: Price): CostLine {
  return { category, item, quantity, unit: price.unit, unitUsd: price.usd, monthlyUsd: quantity * price.usd };
}

function tiered(category: CostCategory, item: string, quantity: number, unit: string, usd: number): CostLine {
  return { category, item, quantity, unit, unitUsd: quantity > 0 ? usd / quantity : 0, monthlyUsd: usd };
}

function sideOf(lines: CostLine[]): CostSide {
  return { lines, totalUsd: lines.reduce((n, l) => n + l.monthlyUsd, 0) };
}
