// One run of the status function, as named steps: this deployment's metric
// alarms, the history of those that changed lately (alarm-history-cache.ts),
// the daily uptime without maintenance (uptime-reader.ts,
// maintenance-uptime-reader.ts), the charts' series (chart-reader.ts), the
// regions behind each firing alarm and when they changed
// (region-breakdown.ts), and when each maintenance window was published
// (maintenance-ledger.ts), into one status model, out as the feed files
// (feed-writer.ts). Metric series are read only as often as
// src/status/metric-budget.ts says, within a time budget. Missing history and
// unreadable metrics degrade the page (warnings); only when the alarms
// themselves cannot be read is nothing written, so the last good feed stays up.
import type { MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { STATUS_FUNCTION } from '../../src/cost/deployment-sizes.ts';
import { isPageAlarm, modelFromAlarms, type AlarmSnapshot, type AlarmState, type UptimeSeries } from '../../src/status/alarm-model.ts';
import type { Indicator } from '../../src/status/component-status.ts';
import { alarmFigure } from '../../src/status/alarm-words.ts';
import { renderStatusFiles } from '../../src/status/status-files.ts';
import type { AlarmRegions, FiringAlarm } from './alarm-regions.ts';
import { contributorSnapshots } from './alarm-contributors.ts';
import { parseAlarmName } from '../../src/alarms/alarm-names.ts';
import { describeMetricAlarms, valueOfReasonData } from './alarm-reader.ts';
import { AlarmHistoryCache } from './alarm-history-cache.ts';
import { readCharts } from './chart-reader.ts';
import { writeStatusFiles } from './feed-writer.ts';
import { readRegionBreakdown, type RegionBreakdown } from './region-breakdown.ts';
import type { StatusSetup } from './status-setup.ts';
import { readUptime } from './uptime-reader.ts';

export interface StatusRunSummary {
  readonly indicator: Indicator;
  readonly alarms: number;
  readonly firing: number;
  readonly incidents: number;
  readonly written: number;
  /** What could not be read this time (the page was written without it). */
  readonly warnings: readonly string[];
}

export interface StatusFeedRun {
  readonly summary: StatusRunSummary;
  /** Alarms whose history was asked for (from the cache or CloudWatch). */
  readonly historyReads: number;
}

export async function runStatusFeed(setup: StatusSetup, signal: AbortSignal): Promise<StatusFeedRun> {
  const { namespace, layout } = setup;
  const now = new Date(setup.clock());
  const warnings: string[] = [];
  const alarms = (await describeMetricAlarms(setup.cloudwatch, setup.prefix, signal)).filter((a) => a.AlarmName);
  const window = AlarmHistoryCache.windowEndingAt(now);

  const onPage = alarms.filter((a) => isPageAlarm(namespace, layout, a.AlarmName!));
  const changed = AlarmHistoryCache.changedIn(onPage, window);
  const [transitions, contributors] = await Promise.all([
    setup.history.transitions(changed, window, signal, warnings),
    // Fleet alarms: their endpoints in ALARM, as the per-endpoint alarms the page knows.
    contributorSnapshots(setup.cloudwatch, namespace, alarms, signal, setup.contributorPace, warnings),
  ]);
  const firing: FiringAlarm[] = [
    ...onPage.filter((a) => a.StateValue === 'ALARM')
      .map((a) => ({ name: a.AlarmName!, subject: parseAlarmName(namespace, a.AlarmName!)!, sinceMs: a.StateUpdatedTimestamp?.getTime() ?? now.getTime() })),
    ...contributors.filter((c) => isPageAlarm(namespace, layout, c.name))
      .map((c) => ({ name: c.name, subject: { ...parseAlarmName(namespace, c.name)!, group: c.group, warnDays: c.warnDays }, sinceMs: Date.parse(c.updatedAt) })),
  ];
  const { uptime, charts, breakdown, firstSeen } = await readMetrics(setup, firing, now, signal, warnings);

  const snapshots: AlarmSnapshot[] = [
    ...alarms.map((a) => snapshotOf(namespace, a, breakdown.now.get(a.AlarmName!), now)),
    ...contributors.map((c) => ({ name: c.name, state: c.state, updatedAt: c.updatedAt, regions: breakdown.now.get(c.name)?.regions ?? [], value: breakdown.now.get(c.name)?.value ?? null })),
  ];
  const model = modelFromAlarms({
    namespace, layout, alarms: snapshots, transitions, uptime, charts, regionSightings: breakdown.sightings, maintenanceFirstSeen: firstSeen,
    now: now.toISOString(), historyStart: window.start.toISOString(),
  });
  const files = renderStatusFiles(model, {
    pageUrl: setup.pageUrl,
    refreshSeconds: STATUS_FUNCTION.pageRefreshSeconds,
    sourceNote: layout.regions.length ? `Checked every minute from ${layout.regions.join(', ')}.` : null,
  });
  const written = await writeStatusFiles(setup.s3, setup.bucket, files, signal);
  const summary: StatusRunSummary = {
    indicator: model.indicator,
    alarms: alarms.length,
    firing: firing.length,
    incidents: model.incidents.filter((i) => i.resolvedAt === null).length,
    written,
    warnings,
  };
  return { summary, historyReads: changed.length };
}

/** The metric reads of one run, side by side, within the metrics budget; what fails is a warning. */
async function readMetrics(setup: StatusSetup, firing: readonly FiringAlarm[], now: Date, signal: AbortSignal, warnings: string[]) {
  const { cloudwatch, layout, namespace } = setup;
  const budget = AbortSignal.any([signal, AbortSignal.timeout(setup.metricsBudgetMs)]);
  const at = now.getTime();
  const [uptime, hourly, daily, breakdown, firstSeen] = await Promise.all([
    setup.uptime.get(at, async () => setup.maintenanceUptime.apply(await readUptime(cloudwatch, layout, namespace, now, budget), layout, namespace, now, budget, warnings), [] as UptimeSeries[], 'uptime', warnings),
    setup.hourlyCharts.get(at, () => readCharts(cloudwatch, layout, namespace, now, 'hourly', budget), [], 'hourly charts', warnings),
    setup.dailyCharts.get(at, () => readCharts(cloudwatch, layout, namespace, now, 'daily', budget), [], 'daily charts', warnings),
    readRegionBreakdown(cloudwatch, firing, layout, namespace, now, budget)
      .catch((err: Error): RegionBreakdown => (warnings.push(`regions of firing alarms: ${err.message}`), { now: new Map<string, AlarmRegions>(), sightings: [] })),
    setup.ledger.firstSeen(layout, now, budget, warnings),
  ]);
  return { uptime, charts: [...hourly, ...daily], breakdown, firstSeen };
}

/**
 * The alarm's state, with the figure of its region breakdown when there is
 * one, else its own latest datapoint where that is a figure (not a 0/1
 * judgement: src/status/alarm-words.ts).
 */
function snapshotOf(namespace: string, alarm: MetricAlarm, where: AlarmRegions | undefined, now: Date): AlarmSnapshot {
  const kind = parseAlarmName(namespace, alarm.AlarmName!)?.kind;
  const own = kind ? alarmFigure(kind, valueOfReasonData(alarm.StateReasonData)) : null;
  return {
    name: alarm.AlarmName!,
    state: (alarm.StateValue ?? 'INSUFFICIENT_DATA') as AlarmState,
    updatedAt: (alarm.StateUpdatedTimestamp ?? now).toISOString(),
    value: where?.value ?? own,
    regions: where?.regions ?? [],
  };
}
