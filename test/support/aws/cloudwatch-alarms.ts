// CloudWatch alarms in the double: DescribeAlarms and DescribeAlarmHistory
// over awsJson1_0 (query-compatible), as @aws-sdk/client-cloudwatch sends
// them (X-Amz-Target GraniteServiceVersion20100801.<Operation>, timestamps as
// epoch seconds). Validates like AWS (MaxRecords 1-100, AlarmNames and
// AlarmNamePrefix exclusive, enum values, opaque NextToken) and paginates.
// Tests set alarms and move them between states; every state change is
// recorded as a StateUpdate history item with the HistoryData document
// CloudWatch writes.
import { DESCRIBE_ALARM_HISTORY, DESCRIBE_ALARMS } from './aws-limits.ts';
import { CLOUDWATCH_PROTOCOL } from './cloudwatch.ts';
import { AwsServiceError } from './protocols.ts';
import type { AwsRequest, ServiceDefinition } from './server.ts';

export type AlarmStateValue = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

export interface MetricAlarmDefinition {
  readonly AlarmName: string;
  /** Metric math alarms (MetricDataQuery list as PutMetricAlarm takes it). */
  readonly Metrics?: readonly unknown[];
  readonly Threshold?: number;
  readonly ComparisonOperator?: string;
  readonly EvaluationPeriods?: number;
}

interface StoredAlarm extends MetricAlarmDefinition {
  StateValue: AlarmStateValue;
  StateReason: string;
  StateReasonData?: string;
  StateUpdatedTimestamp: Date;
}

interface HistoryItem {
  readonly AlarmName: string;
  readonly AlarmType: 'MetricAlarm';
  readonly Timestamp: Date;
  readonly HistoryItemType: 'StateUpdate';
  readonly HistorySummary: string;
  readonly HistoryData: string;
}

// CloudWatch answers validation failures as coral's ValidationException, query code ValidationError.
const validation = (message: string) => new AwsServiceError('ValidationError', message, { jsonType: 'com.amazon.coral.validate#ValidationException' });
const ALARM_TYPES = new Set(['CompositeAlarm', 'MetricAlarm']);
const HISTORY_ITEM_TYPES = new Set(['ConfigurationUpdate', 'StateUpdate', 'Action', 'AlarmContributorStateUpdate', 'AlarmContributorAction']);
const STATES = new Set(['OK', 'ALARM', 'INSUFFICIENT_DATA']);

export class AlarmStore {
  readonly #alarms = new Map<string, StoredAlarm>();
  readonly #history: HistoryItem[] = [];

  /** Creates an alarm in INSUFFICIENT_DATA, as PutMetricAlarm does. */
  put(definition: MetricAlarmDefinition, at: Date = new Date()): void {
    this.#alarms.set(definition.AlarmName, {
      ...definition,
      StateValue: 'INSUFFICIENT_DATA',
      StateReason: 'Unchecked: Initial alarm creation',
      StateUpdatedTimestamp: at,
    });
  }

  /** Moves an alarm to `state` at `at`, recording the history item CloudWatch would. `value`: the datapoint that triggered it. */
  setState(name: string, state: AlarmStateValue, at: Date, value?: number): void {
    const alarm = this.#alarms.get(name);
    if (!alarm) throw new Error(`no alarm "${name}" in the double`);
    const reasonData = value === undefined ? undefined : {
      version: '1.0',
      queryDate: at.toISOString().replace('Z', '+0000'),
      startDate: new Date(at.getTime() - 60_000).toISOString().replace('Z', '+0000'),
      period: 60,
      recentDatapoints: [value],
      threshold: alarm.Threshold ?? 0,
      evaluatedDatapoints: [{ timestamp: new Date(at.getTime() - 60_000).toISOString().replace('Z', '+0000'), value }],
    };
    const reason = value === undefined
      ? `Threshold ${state === 'ALARM' ? 'Crossed' : 'no longer crossed'}`
      : `Threshold Crossed: 1 datapoint [${value.toFixed(1)}] was ${state === 'ALARM' ? 'beyond' : 'within'} the threshold (${(alarm.Threshold ?? 0).toFixed(1)}).`;
    const old = { stateValue: alarm.StateValue, stateReason: alarm.StateReason, ...(alarm.StateReasonData ? { stateReasonData: JSON.parse(alarm.StateReasonData) as unknown } : {}) };
    this.#history.push({
      AlarmName: name,
      AlarmType: 'MetricAlarm',
      Timestamp: at,
      HistoryItemType: 'StateUpdate',
      HistorySummary: `Alarm updated from ${alarm.StateValue} to ${state}`,
      HistoryData: JSON.stringify({ version: '1.0', oldState: old, newState: { stateValue: state, stateReason: reason, ...(reasonData ? { stateReasonData: reasonData } : {}) } }),
    });
    alarm.StateValue = state;
    alarm.StateReason = reason;
    alarm.StateReasonData = reasonData ? JSON.stringify(reasonData) : undefined;
    alarm.StateUpdatedTimestamp = at;
  }

  /** Forgets history older than `before`, as CloudWatch's retention does. */
  expireHistory(before: Date): void {
    const kept = this.#history.filter((h) => h.Timestamp >= before);
    this.#history.splice(0, this.#history.length, ...kept);
  }

  get alarms(): readonly StoredAlarm[] {
    return [...this.#alarms.values()].sort((a, b) => a.AlarmName.localeCompare(b.AlarmName));
  }

  get history(): readonly HistoryItem[] {
    return this.#history;
  }
}

function maxRecords(value: unknown, limit: number): number {
  if (value === undefined) return limit;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > limit) {
    throw validation(`1 validation error detected: Value '${String(value)}' at 'maxRecords' failed to satisfy constraint: Member must have value between 1 and ${limit}`);
  }
  return value;
}

/** Opaque page tokens, bound to the operation so one cannot be replayed on another. */
function readToken(token: unknown, operation: string): number {
  if (token === undefined) return 0;
  const decoded = typeof token === 'string' ? Buffer.from(token, 'base64url').toString('utf8') : '';
  const match = new RegExp(`^${operation}:(\\d+)$`).exec(decoded);
  if (!match) throw new AwsServiceError('InvalidNextToken', 'The service couldn\'t process your request because the NextToken value is invalid.', { jsonType: 'com.amazonaws.cloudwatch#InvalidNextToken' });
  return Number(match[1]);
}

const writeToken = (operation: string, offset: number) => Buffer.from(`${operation}:${offset}`).toString('base64url');
const epochSeconds = (d: Date) => d.getTime() / 1000;

function timestampInput(value: unknown, name: string): Date | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw validation(`${name} must be a timestamp in epoch seconds, got ${JSON.stringify(value)}`);
  return new Date(value * 1000);
}

export function describeAlarms(store: AlarmStore) {
  return (request: AwsRequest) => {
    const input = request.input as Record<string, unknown>;
    const limit = maxRecords(input['MaxRecords'], DESCRIBE_ALARMS.maxRecords);
    const names = input['AlarmNames'] as unknown;
    const prefix = input['AlarmNamePrefix'] as unknown;
    if (names !== undefined && prefix !== undefined) {
      throw new AwsServiceError('InvalidParameterCombination', 'AlarmNames and AlarmNamePrefix cannot be used together.', { jsonType: 'com.amazonaws.cloudwatch#InvalidParameterCombinationException' });
    }
    if (names !== undefined && (!Array.isArray(names) || names.length > 100)) throw validation('AlarmNames must be a list of at most 100 names');
    const types = (input['AlarmTypes'] as unknown[] | undefined) ?? ['MetricAlarm'];
    for (const t of types) if (!ALARM_TYPES.has(String(t))) throw validation(`Value '${String(t)}' at 'alarmTypes' failed to satisfy constraint: Member must satisfy enum value set: [CompositeAlarm, MetricAlarm]`);
    const state = input['StateValue'];
    if (state !== undefined && !STATES.has(String(state))) throw validation(`Value '${String(state)}' at 'stateValue' failed to satisfy constraint: Member must satisfy enum value set: [INSUFFICIENT_DATA, ALARM, OK]`);
    if (typeof prefix === 'string' && (prefix.length < 1 || prefix.length > 255)) throw validation('AlarmNamePrefix must be 1-255 characters');

    const matching = types.includes('MetricAlarm')
      ? store.alarms.filter((a) =>
        (typeof prefix !== 'string' || a.AlarmName.startsWith(prefix))
        && (!Array.isArray(names) || names.includes(a.AlarmName))
        && (state === undefined || a.StateValue === state))
      : [];
    const offset = readToken(input['NextToken'], 'DescribeAlarms');
    const page = matching.slice(offset, offset + limit);
    return {
      MetricAlarms: page.map((a) => ({
        AlarmName: a.AlarmName,
        AlarmArn: `arn:aws:cloudwatch:${request.region}:111111111111:alarm:${a.AlarmName}`,
        StateValue: a.StateValue,
        StateReason: a.StateReason,
        ...(a.StateReasonData ? { StateReasonData: a.StateReasonData } : {}),
        StateUpdatedTimestamp: epochSeconds(a.StateUpdatedTimestamp),
        ...(a.Metrics ? { Metrics: a.Metrics } : {}),
        ...(a.Threshold !== undefined ? { Threshold: a.Threshold } : {}),
        ...(a.ComparisonOperator ? { ComparisonOperator: a.ComparisonOperator } : {}),
        EvaluationPeriods: a.EvaluationPeriods ?? 1,
        ActionsEnabled: true,
      })),
      CompositeAlarms: [],
      ...(offset + limit < matching.length ? { NextToken: writeToken('DescribeAlarms', offset + limit) } : {}),
    };
  };
}

export function describeAlarmHistory(store: AlarmStore) {
  return (request: AwsRequest) => {
    const input = request.input as Record<string, unknown>;
    const limit = maxRecords(input['MaxRecords'], DESCRIBE_ALARM_HISTORY.maxRecords);
    const type = input['HistoryItemType'];
    if (type !== undefined && !HISTORY_ITEM_TYPES.has(String(type))) throw validation(`Value '${String(type)}' at 'historyItemType' failed to satisfy constraint: Member must satisfy enum value set: [${[...HISTORY_ITEM_TYPES].join(', ')}]`);
    const scanBy = input['ScanBy'] ?? 'TimestampDescending';
    if (scanBy !== 'TimestampDescending' && scanBy !== 'TimestampAscending') throw validation(`Value '${String(scanBy)}' at 'scanBy' failed to satisfy constraint: Member must satisfy enum value set: [TimestampDescending, TimestampAscending]`);
    const types = (input['AlarmTypes'] as unknown[] | undefined) ?? ['MetricAlarm'];
    for (const t of types) if (!ALARM_TYPES.has(String(t))) throw validation(`Value '${String(t)}' at 'alarmTypes' failed to satisfy constraint: Member must satisfy enum value set: [CompositeAlarm, MetricAlarm]`);
    const name = input['AlarmName'];
    if (name !== undefined && (typeof name !== 'string' || name.length < 1 || name.length > 255)) throw validation('AlarmName must be 1-255 characters');
    const start = timestampInput(input['StartDate'], 'StartDate');
    const end = timestampInput(input['EndDate'], 'EndDate');

    const matching = store.history
      .filter((h) => (name === undefined || h.AlarmName === name)
        && (type === undefined || h.HistoryItemType === type)
        && types.includes(h.AlarmType)
        && (!start || h.Timestamp >= start)
        && (!end || h.Timestamp <= end))
      .sort((a, b) => (scanBy === 'TimestampAscending' ? 1 : -1) * (a.Timestamp.getTime() - b.Timestamp.getTime()));
    const offset = readToken(input['NextToken'], 'DescribeAlarmHistory');
    const page = matching.slice(offset, offset + limit);
    return {
      AlarmHistoryItems: page.map((h) => ({ ...h, Timestamp: epochSeconds(h.Timestamp) })),
      ...(offset + limit < matching.length ? { NextToken: writeToken('DescribeAlarmHistory', offset + limit) } : {}),
    };
  };
}

/** Registers next to PutMetricData under the same signing name ("monitoring"). */
export function cloudwatchAlarmsService(store: AlarmStore): ServiceDefinition {
  return {
    name: 'cloudwatch',
    signingName: 'monitoring',
    protocol: CLOUDWATCH_PROTOCOL,
    operations: { DescribeAlarms: describeAlarms(store), DescribeAlarmHistory: describeAlarmHistory(store) },
  };
}
