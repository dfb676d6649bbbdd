// Metric definitions only (names, dimensions, units, statistics): alarms and
// the dashboard are built from these elsewhere, as cdk-monitoring-constructs
// keeps its MetricFactory apart from its monitoring classes. Names and units
// come from src/report/metric-names.ts, the same table the publisher uses.
import type { Duration } from 'aws-cdk-lib';
import { Metric, Stats, type Unit } from 'aws-cdk-lib/aws-cloudwatch';
import { quoteNamespace, quoteValue } from '../../src/alarms/insights-query.ts';
import { alarmDimensionNames, type AlarmMetricName } from '../../src/report/metric-layout.ts';
import { DIMENSION, METRIC, METRIC_UNIT, type MetricName } from '../../src/report/metric-names.ts';

/** Metrics published with dimensions Network, Endpoint, ProbeRegion (some only with metrics.detail: full). */
export type EndpointMetricName =
  | 'Up' | 'Healthy' | 'TimeToFirstByte' | 'ProbeDuration' | 'DnsTime' | 'ConnectTime' | 'TlsTime' | 'BlockHeight' | 'HeightLag' | 'HeadAge'
  | 'FinalityLag' | 'ArrivalDelay';

export interface EndpointMetricProps {
  readonly network: string;
  readonly endpoint: string;
  readonly region: string;
  readonly statistic: string;
  readonly period: Duration;
  /** Dashboard legend; default "<endpoint> @ <region>". */
  readonly label?: string;
}

export class VantageMetrics {
  readonly namespace: string;

  constructor(namespace: string) {
    this.namespace = namespace;
  }

  endpoint(name: EndpointMetricName, props: EndpointMetricProps): Metric {
    return new Metric({
      namespace: this.namespace,
      metricName: METRIC[name],
      dimensionsMap: {
        [DIMENSION.Network]: props.network,
        [DIMENSION.Endpoint]: props.endpoint,
        [DIMENSION.ProbeRegion]: props.region,
      },
      // The unit the publisher sends: an alarm naming another unit sees nothing.
      unit: METRIC_UNIT[name] as Unit,
      statistic: props.statistic,
      period: props.period,
      label: props.label ?? `${props.endpoint} @ ${props.region}`,
    });
  }

  /** 0/1 per run; Minimum, so one failed run in a period counts as down. */
  up(props: Omit<EndpointMetricProps, 'statistic'>): Metric {
    return this.endpoint('Up', { ...props, statistic: Stats.MINIMUM });
  }

  partKeyDaysToExpiry(network: string, account: string, period: Duration): Metric {
    return new Metric({
      namespace: this.namespace,
      metricName: METRIC.PartKeyDaysToExpiry,
      dimensionsMap: { [DIMENSION.Network]: network, [DIMENSION.Account]: account },
      unit: METRIC_UNIT.PartKeyDaysToExpiry as Unit,
      statistic: Stats.MINIMUM,
      period,
    });
  }

  /** A per-network metric (HeadAge, BlockInterval), the minimum over endpoints and regions. */
  network(name: 'HeadAge' | 'BlockInterval', network: string, period: Duration): Metric {
    return new Metric({
      namespace: this.namespace,
      metricName: METRIC[name],
      dimensionsMap: { [DIMENSION.Network]: network },
      unit: METRIC_UNIT[name] as Unit,
      statistic: Stats.MINIMUM,
      period,
      label: network,
    });
  }

  /** One datum per probe invocation; Sum = invocations that published. */
  probeRuns(region: string, period: Duration): Metric {
    return new Metric({
      namespace: this.namespace,
      metricName: METRIC.ProbeRuns,
      dimensionsMap: { [DIMENSION.ProbeRegion]: region },
      unit: METRIC_UNIT.ProbeRuns as Unit,
      statistic: Stats.SUM,
      period,
    });
  }

  /**
   * A Metrics Insights query over one metric of every endpoint of a network,
   * in every region: alarms on it are not bound by the 10-metric math limit,
   * and a dashboard graph of it is one query instead of endpoints × regions
   * metrics (a widget shows at most 500 metrics, a dashboard 2,500).
   * `groupBy` returns one series per group (at most 500, sorted by `orderBy`
   * so the worst come first); `exclude` leaves out endpoints by id.
   */
  networkQuery(aggregate: InsightsAggregate, name: EndpointMetricName, network: string, options: NetworkQueryOptions = {}): string {
    return this.query(aggregate, name, [DIMENSION.Network, DIMENSION.Endpoint, DIMENSION.ProbeRegion], network, options);
  }

  /** The same over a region-less alarm metric (one series per endpoint: the regions are aggregated at publication). */
  alarmMetricQuery(aggregate: InsightsAggregate, name: AlarmMetricName, network: string, options: NetworkQueryOptions = {}): string {
    return this.query(aggregate, name, alarmDimensionNames(name), network, options);
  }

  private query(aggregate: InsightsAggregate, name: MetricName, dimensions: readonly string[], network: string, options: NetworkQueryOptions): string {
    const schema = `SCHEMA(${quoteNamespace(this.namespace)}, ${dimensions.join(', ')})`;
    const quote = quoteValue;
    const where = [`${DIMENSION.Network} = ${quote(network)}`, ...(options.exclude ?? []).map((id) => `${DIMENSION.Endpoint} != ${quote(id)}`)].join(' AND ');
    const groupBy = options.groupBy?.length ? ` GROUP BY ${options.groupBy.join(', ')} ORDER BY ${aggregate}() ${options.orderBy ?? 'DESC'}` : '';
    return `SELECT ${aggregate}(${METRIC[name]}) FROM ${schema} WHERE ${where}${groupBy}`;
  }
}

export type InsightsAggregate = 'MIN' | 'MAX' | 'AVG';

export interface NetworkQueryOptions {
  /** Dimensions to group by, e.g. Endpoint and ProbeRegion: one series each. */
  readonly groupBy?: readonly (typeof DIMENSION)[keyof typeof DIMENSION][];
  /** Series order (the query returns at most 500): ASC puts the lowest first. @default DESC */
  readonly orderBy?: 'ASC' | 'DESC';
  /** Endpoint ids left out (e.g. private endpoints, whose Up means "not reachable"). */
  readonly exclude?: readonly string[];
}
