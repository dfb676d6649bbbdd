// One GetMetricData query for a metric the probes publish per endpoint and
// probe region (dimensions Network, Endpoint, ProbeRegion), in the unit the
// publisher sends: a query naming another unit sees nothing.
import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { DIMENSION, METRIC_UNIT, type MetricName } from '../../src/metrics/names.ts';

export interface EndpointMetric {
  readonly namespace: string;
  readonly network: string;
  readonly endpoint: string;
  readonly region: string;
  readonly metric: MetricName;
  /** A statistic (Average, Maximum, …) or a percentile (p50). */
  readonly stat: string;
  readonly periodSeconds: number;
}

export function endpointMetricQuery(id: string, m: EndpointMetric): MetricDataQuery {
  return {
    Id: id,
    MetricStat: {
      Metric: {
        Namespace: m.namespace,
        MetricName: m.metric,
        Dimensions: [
          { Name: DIMENSION.Network, Value: m.network },
          { Name: DIMENSION.Endpoint, Value: m.endpoint },
          { Name: DIMENSION.ProbeRegion, Value: m.region },
        ],
      },
      Period: m.periodSeconds,
      Stat: m.stat,
      Unit: METRIC_UNIT[m.metric],
    },
    ReturnData: true,
  };
}
