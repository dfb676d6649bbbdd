// Reads this deployment's metric alarms and their state history. Composite
// alarms are not read: reading them needs permission on every alarm in the
// account, and the page derives network health from the metric alarms.
import {
  DescribeAlarmHistoryCommand, DescribeAlarmsCommand, type AlarmHistoryItem, type CloudWatchClient, type MetricAlarm,
} from '@aws-sdk/client-cloudwatch';
import type { AlarmState, AlarmTransition } from '../../src/status/alarm-model.ts';
import { DESCRIBE_ALARM_HISTORY, DESCRIBE_ALARMS } from '../../src/config/aws-limits.ts';
import type { Pacer } from './request-pacer.ts';

export async function describeMetricAlarms(client: CloudWatchClient, prefix: string, signal: AbortSignal): Promise<MetricAlarm[]> {
  const alarms: MetricAlarm[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(
      new DescribeAlarmsCommand({ AlarmNamePrefix: prefix, AlarmTypes: ['MetricAlarm'], MaxRecords: DESCRIBE_ALARMS.maxRecords, NextToken: token }),
      { abortSignal: signal },
    );
    alarms.push(...(page.MetricAlarms ?? []));
    token = page.NextToken;
  } while (token);
  return alarms;
}

/** State changes of one alarm since `start`, oldest first. `pace` is awaited before each request (rate quota). */
export async function alarmTransitions(
  client: CloudWatchClient, alarmName: string, start: Date, end: Date, signal: AbortSignal, pace: Pacer = async () => undefined,
): Promise<AlarmTransition[]> {
  const transitions: AlarmTransition[] = [];
  let token: string | undefined;
  do {
    await pace(signal);
    const page = await client.send(
      new DescribeAlarmHistoryCommand({
        AlarmName: alarmName,
        AlarmTypes: ['MetricAlarm'],
        HistoryItemType: 'StateUpdate',
        StartDate: start,
        EndDate: end,
        ScanBy: 'TimestampAscending',
        MaxRecords: DESCRIBE_ALARM_HISTORY.maxRecords,
        NextToken: token,
      }),
      { abortSignal: signal },
    );
    for (const item of page.AlarmHistoryItems ?? []) {
      const transition = transitionOf(item);
      if (transition) transitions.push(transition);
    }
    token = page.NextToken;
  } while (token);
  return transitions.sort((a, b) => a.at.localeCompare(b.at));
}

const STATES: ReadonlySet<string> = new Set(['OK', 'ALARM', 'INSUFFICIENT_DATA']);

/**
 * A StateUpdate history item as a transition. HistoryData is a JSON document:
 * {"version":"1.0","oldState":{"stateValue":…},"newState":{"stateValue":…,"stateReasonData":{…}}}.
 * Items that do not parse are skipped, not fatal.
 */
function transitionOf(item: AlarmHistoryItem): AlarmTransition | null {
  if (item.HistoryItemType !== 'StateUpdate' || !item.AlarmName || !item.Timestamp || !item.HistoryData) return null;
  let data: { oldState?: { stateValue?: string }; newState?: { stateValue?: string; stateReasonData?: unknown } };
  try {
    data = JSON.parse(item.HistoryData) as typeof data;
  } catch {
    return null;
  }
  const from = data.oldState?.stateValue;
  const to = data.newState?.stateValue;
  if (!from || !to || !STATES.has(from) || !STATES.has(to)) return null;
  return { name: item.AlarmName, at: item.Timestamp.toISOString(), from: from as AlarmState, to: to as AlarmState, value: valueOfReasonData(data.newState?.stateReasonData) };
}

/**
 * The newest datapoint an alarm evaluated, from its StateReasonData
 * (recentDatapoints, else evaluatedDatapoints); null when there is none.
 */
export function valueOfReasonData(data: unknown): number | null {
  let parsed = data;
  if (typeof data === 'string') {
    try {
      parsed = JSON.parse(data) as unknown;
    } catch {
      return null;
    }
  }
  if (!parsed || typeof parsed !== 'object') return null;
  const record = parsed as { recentDatapoints?: unknown; evaluatedDatapoints?: unknown };
  const recent = Array.isArray(record.recentDatapoints) ? record.recentDatapoints : [];
  const last = recent[recent.length - 1];
  if (typeof last === 'number' && Number.isFinite(last)) return last;
  const evaluated = Array.isArray(record.evaluatedDatapoints) ? record.evaluatedDatapoints : [];
  const first = evaluated[0] as { value?: unknown } | undefined;
  return typeof first?.value === 'number' && Number.isFinite(first.value) ? first.value : null;
}
