// The contributors of the fleet (Metrics Insights) alarms: DescribeAlarmContributors
// returns those in ALARM, each with its attributes (the GROUP BY dimensions:
// Network and Endpoint). Each becomes the snapshot of the per-endpoint alarm
// the page knows ("<ns> <network>/<endpoint> outage"), so the status model
// treats a fleet's endpoints exactly as per-endpoint alarms. The quota is 9
// requests per second (adjustable): the reads are paced and run a few at a time.
import { DescribeAlarmContributorsCommand, type AlarmContributor, type CloudWatchClient, type MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { alarmName, parseAlarmName } from '../../src/alarms/alarm-names.ts';
import { mapConcurrent } from '../../src/engine/map-concurrent.ts';
import { DIMENSION } from '../../src/report/metric-names.ts';
import type { AlarmSnapshot } from '../../src/status/alarm-model.ts';
import type { Pacer } from './request-pacer.ts';

/** Reads in flight at once; the pacer keeps their starts within the quota. */
const CONCURRENCY = 3;

/** The contributors of one alarm that are in ALARM, every page. */
export async function contributorsInAlarm(client: CloudWatchClient, name: string, signal: AbortSignal, pace: Pacer): Promise<AlarmContributor[]> {
  const contributors: AlarmContributor[] = [];
  let token: string | undefined;
  do {
    await pace(signal);
    const page = await client.send(new DescribeAlarmContributorsCommand({ AlarmName: name, NextToken: token }), { abortSignal: signal });
    contributors.push(...(page.AlarmContributors ?? []));
    token = page.NextToken;
  } while (token);
  return contributors;
}

/** Fleet alarms among this deployment's metric alarms. */
export function fleetAlarms(namespace: string, alarms: readonly MetricAlarm[]): MetricAlarm[] {
  return alarms.filter((a) => parseAlarmName(namespace, a.AlarmName ?? '')?.group !== undefined);
}

/** A contributor as the per-endpoint alarm the page knows, with where its fleet alarm's metric is (group, warnDays). */
export interface ContributorSnapshot extends AlarmSnapshot {
  readonly group: string;
  readonly warnDays?: number;
}

/** Snapshots of the endpoints in ALARM on the fleet alarms that are; a fleet alarm that could not be read is a warning. */
export async function contributorSnapshots(
  client: CloudWatchClient, namespace: string, alarms: readonly MetricAlarm[], signal: AbortSignal, pace: Pacer, warnings: string[],
): Promise<ContributorSnapshot[]> {
  const firing = fleetAlarms(namespace, alarms).filter((a) => a.StateValue === 'ALARM');
  const lists = await mapConcurrent(firing, CONCURRENCY, async (alarm) => {
    try {
      const contributors = await contributorsInAlarm(client, alarm.AlarmName!, signal, pace);
      return contributors.flatMap((c) => snapshotOf(namespace, alarm, c));
    } catch (err) {
      warnings.push(`contributors of "${alarm.AlarmName}": ${(err as Error).message}`);
      return [];
    }
  });
  return lists.flat();
}

function snapshotOf(namespace: string, alarm: MetricAlarm, contributor: AlarmContributor): ContributorSnapshot[] {
  const subject = parseAlarmName(namespace, alarm.AlarmName!)!;
  const network = contributor.ContributorAttributes?.[DIMENSION.Network];
  const endpoint = contributor.ContributorAttributes?.[DIMENSION.Endpoint];
  if (!network || !endpoint) return [];
  return [{
    name: alarmName(namespace, { kind: subject.kind, network, endpoint }),
    state: 'ALARM',
    updatedAt: (contributor.StateTransitionedTimestamp ?? alarm.StateUpdatedTimestamp ?? new Date()).toISOString(),
    // DescribeAlarmContributors gives no datapoint: the figure, if any, is read from the metrics (alarm-regions.ts).
    value: null,
    regions: [],
    group: subject.group!,
    ...(subject.warnDays === undefined ? {} : { warnDays: subject.warnDays }),
  }];
}
