// GetMetricData in batches of the API's query limit, following NextToken,
// results merged per query id.
import { GetMetricDataCommand, type CloudWatchClient, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { GET_METRIC_DATA } from '../../src/config/aws-limits.ts';

export interface Series {
  /** Newest first, as GetMetricData returns them by default. */
  readonly points: { readonly at: Date; readonly value: number }[];
}

export async function getMetricData(
  client: CloudWatchClient, queries: readonly MetricDataQuery[], start: Date, end: Date, signal: AbortSignal,
  maxDatapoints: number = GET_METRIC_DATA.maxDatapoints,
): Promise<Map<string, Series>> {
  const out = new Map<string, Series>();
  for (let i = 0; i < queries.length; i += GET_METRIC_DATA.maxQueries) {
    const batch = queries.slice(i, i + GET_METRIC_DATA.maxQueries);
    let token: string | undefined;
    do {
      const page = await client.send(
        new GetMetricDataCommand({ MetricDataQueries: batch, StartTime: start, EndTime: end, NextToken: token, ScanBy: 'TimestampDescending', MaxDatapoints: maxDatapoints }),
        { abortSignal: signal },
      );
      for (const result of page.MetricDataResults ?? []) {
        if (!result.Id) continue;
        const series = out.get(result.Id) ?? { points: [] };
        const timestamps = result.Timestamps ?? [];
        const values = result.Values ?? [];
        for (let k = 0; k < Math.min(timestamps.length, values.length); k++) series.points.push({ at: timestamps[k]!, value: values[k]! });
        out.set(result.Id, series);
      }
      token = page.NextToken;
    } while (token);
  }
  for (const series of out.values()) series.points.sort((a, b) => b.at.getTime() - a.at.getTime());
  return out;
}
