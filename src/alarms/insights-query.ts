// Metrics Insights queries of the fleet alarms: one aggregate over one
// region-less alarm metric, selected by alarm group (and, for certificates,
// by warnDays), one series per endpoint — GROUP BY and ORDER BY are what
// makes a multi-time-series alarm, each series a contributor.
import { DIMENSION } from '../report/metric-names.ts';
import { alarmDimensionNames, type AlarmMetricName } from '../report/metric-layout.ts';

export type InsightsAggregate = 'SUM' | 'MAX' | 'MIN' | 'AVG';

export interface GroupQuery {
  readonly namespace: string;
  readonly aggregate: InsightsAggregate;
  readonly metric: AlarmMetricName;
  readonly group: string;
  /** TlsDaysToExpiry: the WarnDays the query selects. */
  readonly warnDays?: number;
  /** Worst first: DESC when high is bad, ASC when low is (days to expiry). */
  readonly order: 'ASC' | 'DESC';
}

/** A namespace in double quotes (custom namespaces hold "/" and the like), label values in single quotes. */
export function quoteNamespace(namespace: string): string {
  return `"${namespace.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

export function quoteValue(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

export function groupQuery(q: GroupQuery): string {
  const schema = `SCHEMA(${quoteNamespace(q.namespace)}, ${alarmDimensionNames(q.metric).join(', ')})`;
  const where = [`${DIMENSION.AlarmGroup} = ${quoteValue(q.group)}`];
  if (q.warnDays !== undefined) where.push(`${DIMENSION.WarnDays} = ${quoteValue(String(q.warnDays))}`);
  return `SELECT ${q.aggregate}(${q.metric}) FROM ${schema} WHERE ${where.join(' AND ')} `
    + `GROUP BY ${DIMENSION.Network}, ${DIMENSION.Endpoint} ORDER BY ${q.aggregate}() ${q.order}`;
}
