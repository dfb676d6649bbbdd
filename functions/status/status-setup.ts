// What the status function builds once per container, at its first
// invocation (functions/common/cold-start.ts): the status view (what the page
// shows; never the config, which holds URLs and credentials),
// the bucket it writes to, the SDK clients, and what warm runs share: the
// alarm-history cache, the metric series read less often than every run
// (src/status/metric-budget.ts), the days of uptime read again without
// maintenance, and when each maintenance window was first published.
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { S3Client } from '@aws-sdk/client-s3';
import { alarmNamePrefix } from '../../src/alarms/alarm-names.ts';
import type { UptimeSeries } from '../../src/status/alarm-model.ts';
import { METRIC_REFRESH_MINUTES } from '../../src/status/metric-budget.ts';
import type { PageLayout } from '../../src/status/page-layout.ts';
import type { RegionSamples } from '../../src/status/region-charts.ts';
import type { StatusView } from '../../src/status/status-view.ts';
import { FUNCTION_ENV } from '../common/environment.ts';
import { AlarmHistoryCache } from './alarm-history-cache.ts';
import { MaintenanceLedger } from './maintenance-ledger.ts';
import { MaintenanceUptime } from './maintenance-uptime-reader.ts';
import { RefreshingRead } from './refreshing-read.ts';

/** Time the metric reads (uptime, charts, regions) may take per run, by default. */
const METRICS_BUDGET_MS = 15_000;
const MINUTE_MS = 60_000;

export interface StatusSetupOptions {
  /** What the page shows (src/status/status-view.ts), or how to read it (the embedded one, in Lambda). */
  readonly view: StatusView | (() => StatusView);
  readonly env?: NodeJS.ProcessEnv;
  /** Endpoint overrides (tests); in Lambda the SDK resolves them. */
  readonly endpoints?: { readonly cloudwatch?: string; readonly s3?: string };
  /** Wall clock in ms (tests). */
  readonly now?: () => number;
  /** Time the alarm-history reads may take per run; default HISTORY_BUDGET_MS. */
  readonly historyBudgetMs?: number;
  /** Time the metric reads may take per run; default METRICS_BUDGET_MS. */
  readonly metricsBudgetMs?: number;
}

export interface StatusSetup {
  readonly namespace: string;
  /** Prefix of this deployment's alarm names. */
  readonly prefix: string;
  readonly layout: PageLayout;
  readonly bucket: string;
  /** Public URL of the page without a trailing slash, for absolute links in the feeds; null when unknown. */
  readonly pageUrl: string | null;
  readonly cloudwatch: CloudWatchClient;
  readonly s3: S3Client;
  readonly history: AlarmHistoryCache;
  readonly uptime: RefreshingRead<UptimeSeries[]>;
  readonly hourlyCharts: RefreshingRead<RegionSamples[]>;
  readonly dailyCharts: RefreshingRead<RegionSamples[]>;
  readonly maintenanceUptime: MaintenanceUptime;
  readonly ledger: MaintenanceLedger;
  readonly metricsBudgetMs: number;
  readonly clock: () => number;
}

export class StatusConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StatusConfigError';
  }
}

export function statusSetup(options: StatusSetupOptions): StatusSetup {
  const env = options.env ?? process.env;
  const bucket = env[FUNCTION_ENV.statusBucket];
  if (!bucket) throw new StatusConfigError(`${FUNCTION_ENV.statusBucket} is not set: the status function has nowhere to write the feed`);
  const view = typeof options.view === 'function' ? options.view() : options.view;
  // The central region: the function runs there (AWS_REGION in Lambda).
  const region = env['AWS_REGION'] || undefined;
  const cloudwatch = new CloudWatchClient({ region, endpoint: options.endpoints?.cloudwatch, maxAttempts: 3 });
  const s3 = new S3Client({ region, endpoint: options.endpoints?.s3, forcePathStyle: options.endpoints?.s3 !== undefined, maxAttempts: 3 });
  return {
    namespace: view.namespace,
    prefix: alarmNamePrefix(view.namespace),
    layout: view.layout,
    bucket,
    pageUrl: (env[FUNCTION_ENV.statusPageUrl] ?? '').replace(/\/+$/, '') || null,
    cloudwatch,
    s3,
    history: new AlarmHistoryCache(cloudwatch, options.historyBudgetMs),
    uptime: new RefreshingRead(METRIC_REFRESH_MINUTES.uptime * MINUTE_MS),
    hourlyCharts: new RefreshingRead(METRIC_REFRESH_MINUTES.hourlyCharts * MINUTE_MS),
    dailyCharts: new RefreshingRead(METRIC_REFRESH_MINUTES.dailyCharts * MINUTE_MS),
    maintenanceUptime: new MaintenanceUptime(cloudwatch),
    ledger: new MaintenanceLedger(s3, bucket),
    metricsBudgetMs: options.metricsBudgetMs ?? METRICS_BUDGET_MS,
    clock: options.now ?? Date.now,
  };
}
