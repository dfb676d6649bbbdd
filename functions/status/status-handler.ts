// The central status function, built from its dependencies so tests run the
// same code against the local AWS double. One invocation: this deployment's
// metric alarms, the history of those that changed lately, the Up metric per
// day and the regions behind each firing alarm, into one status model, out as
// the feed files in the site bucket. Missing history (a new deployment, or
// older than CloudWatch keeps) and unreadable metrics degrade the page, they
// do not stop it; only when the alarms themselves cannot be read is nothing
// written, so the last good feed stays up.
import { CloudWatchClient, type MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { S3Client } from '@aws-sdk/client-s3';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { alarmNamePrefix } from '../../src/alarms/alarm-names.ts';
import { STATUS_FUNCTION } from '../../src/cost/deployment-sizes.ts';
import { mapConcurrent } from '../../src/engine/map-concurrent.ts';
import { isPageAlarm, modelFromAlarms, type AlarmSnapshot, type AlarmState, type AlarmTransition, type UptimeSeries } from '../../src/status/alarm-model.ts';
import type { PageLayout } from '../../src/status/page-layout.ts';
import { renderStatusFiles } from '../../src/status/status-files.ts';
import type { StatusView } from '../../src/status/status-view.ts';
import type { Indicator } from '../../src/status/component-status.ts';
import { alarmRegions, regionPlan, type AlarmRegions } from './alarm-regions.ts';
import { alarmTransitions, describeMetricAlarms, valueOfReasonData } from './alarm-reader.ts';
import { DESCRIBE_ALARM_HISTORY } from './aws-limits.ts';
import { FUNCTION_ENV } from '../common/environment.ts';
import { writeStatusFiles } from './feed-writer.ts';
import { requestPacer } from './request-pacer.ts';
import { getMetricData } from './metric-reader.ts';
import { uptimePlan, uptimeSeries } from './uptime-queries.ts';

export interface StatusHandlerOptions {
  /** What the page shows, from the config (src/status/status-view.ts). */
  readonly view: StatusView;
  readonly env?: NodeJS.ProcessEnv;
  /** Endpoint overrides (tests); in Lambda the SDK resolves them. */
  readonly endpoints?: { readonly cloudwatch?: string; readonly s3?: string };
  /** Wall clock in ms (tests). */
  readonly now?: () => number;
  /** Time the alarm-history reads may take per run; default HISTORY_BUDGET_MS. */
  readonly historyBudgetMs?: number;
}

export interface StatusRunSummary {
  readonly indicator: Indicator;
  readonly alarms: number;
  readonly firing: number;
  readonly incidents: number;
  readonly written: number;
  /** What could not be read this time (the page was written without it). */
  readonly warnings: readonly string[];
}

/** DescribeAlarmHistory calls in flight at once; the pacer keeps their starts within the 3 TPS quota. */
const HISTORY_CONCURRENCY = 3;
/**
 * Time the history reads may take in one run. What is not read by then is
 * missing from this run's page (a warning) and read by the next runs: the
 * cache keeps what was read, so a cold start with many changed alarms
 * catches up over a few minutes instead of timing out.
 */
const HISTORY_BUDGET_MS = 20_000;
/** middy's abort signal fires this long before the Lambda timeout. */
const EARLY_MS = 2_000;
const DAY_MS = 86_400_000;

export class StatusConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StatusConfigError';
  }
}

export function createStatusHandler(options: StatusHandlerOptions) {
  const env = options.env ?? process.env;
  const clock = options.now ?? Date.now;
  const bucket = env[FUNCTION_ENV.statusBucket];
  if (!bucket) throw new StatusConfigError(`${FUNCTION_ENV.statusBucket} is not set: the status function has nowhere to write the feed`);
  const { namespace, layout } = options.view;
  const prefix = alarmNamePrefix(namespace);
  const pageUrl = (env[FUNCTION_ENV.statusPageUrl] ?? '').replace(/\/+$/, '') || null;

  const logger = new Logger({ serviceName: 'vantage-status' });
  // The central region: the function runs there (AWS_REGION in Lambda).
  const region = env['AWS_REGION'] || undefined;
  const cloudwatch = new CloudWatchClient({ region, endpoint: options.endpoints?.cloudwatch, maxAttempts: 3 });
  const s3 = new S3Client({ region, endpoint: options.endpoints?.s3, forcePathStyle: options.endpoints?.s3 !== undefined, maxAttempts: 3 });
  // History only changes with an alarm's state: kept per warm container, keyed by the state's timestamp.
  const historyCache = new Map<string, { updatedAt: string; transitions: AlarmTransition[] }>();
  // One pacer per container: warm runs share the quota with each other's leftovers.
  const pace = requestPacer(DESCRIBE_ALARM_HISTORY.maxRequestsPerSecond);

  const readHistory = async (alarm: MetricAlarm, start: Date, end: Date, signal: AbortSignal, warnings: string[]): Promise<AlarmTransition[]> => {
    const name = alarm.AlarmName!;
    const updatedAt = alarm.StateUpdatedTimestamp?.toISOString() ?? '';
    const cached = historyCache.get(name);
    if (cached && cached.updatedAt === updatedAt) return cached.transitions;
    try {
      const transitions = await alarmTransitions(cloudwatch, name, start, end, signal, pace);
      historyCache.set(name, { updatedAt, transitions });
      return transitions;
    } catch (err) {
      warnings.push(`history of "${name}": ${(err as Error).message}`);
      return [];
    }
  };

  const run = async (_event: unknown, _context: Context, { signal }: { signal: AbortSignal }): Promise<StatusRunSummary> => {
    const now = new Date(clock());
    const warnings: string[] = [];
    const alarms = (await describeMetricAlarms(cloudwatch, prefix, signal)).filter((a) => a.AlarmName);
    const historyStart = new Date(now.getTime() - DESCRIBE_ALARM_HISTORY.windowDays * DAY_MS);

    const onPage = alarms.filter((a) => isPageAlarm(namespace, layout, a.AlarmName!));
    // An alarm whose state last changed before the window has no transitions in it: no call needed.
    const changed = onPage.filter((a) => a.StateValue === 'ALARM' || (a.StateUpdatedTimestamp?.getTime() ?? 0) >= historyStart.getTime());
    const historySignal = AbortSignal.any([signal, AbortSignal.timeout(options.historyBudgetMs ?? HISTORY_BUDGET_MS)]);
    const transitions = (await mapConcurrent(changed, HISTORY_CONCURRENCY, (a) => readHistory(a, historyStart, now, historySignal, warnings))).flat();

    const firing = onPage.filter((a) => a.StateValue === 'ALARM');
    const [uptime, breakdown] = await Promise.all([
      readUptime(layout, namespace, now, signal).catch((err: Error) => (warnings.push(`uptime: ${err.message}`), [] as UptimeSeries[])),
      readRegions(firing, now, signal).catch((err: Error) => (warnings.push(`regions of firing alarms: ${err.message}`), new Map<string, AlarmRegions>())),
    ]);

    const snapshots: AlarmSnapshot[] = alarms.map((a) => {
      const where = breakdown.get(a.AlarmName!);
      return {
        name: a.AlarmName!,
        state: (a.StateValue ?? 'INSUFFICIENT_DATA') as AlarmState,
        updatedAt: (a.StateUpdatedTimestamp ?? now).toISOString(),
        value: where?.value ?? valueOfReasonData(a.StateReasonData),
        regions: where?.regions ?? [],
      };
    });
    const model = modelFromAlarms({ namespace, layout, alarms: snapshots, transitions, uptime, now: now.toISOString(), historyStart: historyStart.toISOString() });
    const files = renderStatusFiles(model, {
      pageUrl,
      refreshSeconds: STATUS_FUNCTION.pageRefreshSeconds,
      sourceNote: layout.regions.length ? `Checked every minute from ${layout.regions.join(', ')}.` : null,
    });
    const written = await writeStatusFiles(s3, bucket, files, signal);
    const summary: StatusRunSummary = {
      indicator: model.indicator,
      alarms: alarms.length,
      firing: firing.length,
      incidents: model.incidents.filter((i) => i.resolvedAt === null).length,
      written,
      warnings,
    };
    if (warnings.length) logger.warn('status feed written without some data', { warnings });
    logger.info('status feed written', { ...summary, historyCalls: changed.length });
    return summary;
  };

  const readUptime = async (page: PageLayout, ns: string, now: Date, signal: AbortSignal): Promise<UptimeSeries[]> => {
    const plan = uptimePlan(page, page.regions, ns, now);
    if (plan.queries.length === 0) return [];
    return uptimeSeries(plan, await getMetricData(cloudwatch, plan.queries, plan.start, plan.end, signal));
  };

  const readRegions = async (firing: readonly MetricAlarm[], now: Date, signal: AbortSignal): Promise<Map<string, AlarmRegions>> => {
    const plan = regionPlan(firing);
    const out = new Map<string, AlarmRegions>();
    if (plan.queries.length === 0) return out;
    const start = new Date(now.getTime() - 3 * plan.maxPeriod * 1000);
    const results = await getMetricData(cloudwatch, plan.queries, start, now, signal);
    for (const alarm of firing) out.set(alarm.AlarmName!, alarmRegions(alarm, plan, results));
    return out;
  };

  return middy(run, {
    timeoutEarlyInMillis: EARLY_MS,
    timeoutEarlyResponse: () => {
      logger.error('status function ran out of time; the previous feed stays in place');
      return null;
    },
  }).use(injectLambdaContext(logger));
}
