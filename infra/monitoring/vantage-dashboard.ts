// One dashboard for the deployment: the probes' heartbeat (and the fleet
// alarms) on top, then per network its alarms, up by region, latency, lag,
// head age (block height with metrics.detail: full), finality lag, block
// interval and arrival delay where the network has them, failing addresses
// where they are probed one by one, and certificate days.
// Built from VantageMetrics; no metric is defined here. Per-endpoint
// high-resolution alarms of a fleet are not listed (thousands of alarm ARNs
// would pass the template's 1 MB); the graphs show the same endpoints.
// Per-endpoint graphs are Metrics Insights queries (one query per widget,
// one series per endpoint and region): the dashboard's size and metric count
// do not grow with endpoints × regions, where listing every metric would
// pass CloudWatch's 500-per-widget and 2,500-per-dashboard quotas (and the
// template's 1 MB) at a few dozen endpoints.
import { Duration } from 'aws-cdk-lib';
import {
  AlarmStatusWidget, Dashboard, GraphWidget, MathExpression, SingleValueWidget, TextWidget, type IAlarm, type IWidget,
} from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import type { ResolvedNetwork } from '../../src/config/resolved-config.ts';
import { DIMENSION } from '../../src/report/metric-names.ts';
import { watchesAddresses } from '../../src/alarms/address-rule.ts';
import { headAgeEndpoints, mayUseTls, servedEndpoints, type PlannedAlarm } from '../../src/alarms/alarm-plan.ts';
import { ALARM_STATUS_WIDGET_MAX_ALARMS } from '../../src/config/aws-limits.ts';
import type { Deployment } from '../deployment.ts';
import type { EndpointMetricName, InsightsAggregate, VantageMetrics } from './vantage-metrics.ts';

export interface VantageDashboardProps {
  readonly deployment: Deployment;
  readonly dashboardName: string;
  readonly metrics: VantageMetrics;
  readonly planned: readonly PlannedAlarm[];
  /** The deployed alarm of a planned alarm (built here or imported from an alarm stack). */
  readonly alarmOf: (name: string) => IAlarm;
}

const FULL = 24;
const HALF = 12;
const BY_ENDPOINT_AND_REGION = [DIMENSION.Endpoint, DIMENSION.ProbeRegion] as const;

export class VantageDashboard extends Construct {
  readonly dashboard: Dashboard;
  /** Widgets on the dashboard (at most 500) and the metrics they read (at most 2,500), for the limit checks. */
  readonly widgetCount: number;
  readonly metricCount: number;
  private readonly props: VantageDashboardProps;
  private readonly period: Duration;

  constructor(scope: Construct, id: string, props: VantageDashboardProps) {
    super(scope, id);
    this.props = props;
    this.period = Duration.seconds(props.deployment.intervalSeconds);
    const widgets = [this.probeRow(), ...props.deployment.config.networks.map((n) => this.networkRows(n))];
    this.widgetCount = widgets.flat().length;
    // Each Insights query counts as one; the heartbeat graph reads one metric per region.
    this.metricCount = props.deployment.regions.length + widgets.flat().filter((w) => w instanceof GraphWidget || w instanceof SingleValueWidget).length;
    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: props.dashboardName,
      defaultInterval: Duration.hours(3),
      widgets,
    });
  }

  /** Alarm status widgets of at most 100 alarms each. */
  private alarmWidgets(title: string, test: (a: PlannedAlarm) => boolean, width: number): IWidget[] {
    const alarms = this.props.planned.filter((a) => !a.unit.startsWith('endpoint:') && test(a)).map((a) => this.props.alarmOf(a.name));
    const widgets: IWidget[] = [];
    for (let i = 0; i < alarms.length; i += ALARM_STATUS_WIDGET_MAX_ALARMS) {
      const part = alarms.length > ALARM_STATUS_WIDGET_MAX_ALARMS ? ` (${i / ALARM_STATUS_WIDGET_MAX_ALARMS + 1})` : '';
      widgets.push(new AlarmStatusWidget({ title: `${title}${part}`, alarms: alarms.slice(i, i + ALARM_STATUS_WIDGET_MAX_ALARMS), width }));
    }
    return widgets;
  }

  private probeRow(): IWidget[] {
    const regions = this.props.deployment.regions;
    return [
      new TextWidget({ markdown: `# ${this.props.deployment.central.namespace}\nProbes in ${regions.join(', ')}, ${this.props.deployment.config.probe.schedule}.`, width: FULL, height: 2 }),
      new GraphWidget({
        title: 'Probe runs by region',
        left: regions.map((r) => this.props.metrics.probeRuns(r, this.period).with({ label: r })),
        leftYAxis: { min: 0 },
        width: HALF,
      }),
      ...this.alarmWidgets('Probe heartbeats', (a) => a.subject.kind === 'heartbeat', HALF),
      ...this.alarmWidgets('Fleet alarms (one contributor per endpoint)', (a) => a.subject.group !== undefined, FULL),
    ];
  }

  /** One series per endpoint and region of the network (private endpoints left out), worst first. */
  private perEndpoint(network: ResolvedNetwork, aggregate: InsightsAggregate, name: EndpointMetricName, orderBy: 'ASC' | 'DESC', period = this.period): MathExpression {
    const exclude = network.endpoints.filter((e) => e.visibility === 'private').map((e) => e.id);
    return new MathExpression({
      expression: this.props.metrics.networkQuery(aggregate, name, network.id, { groupBy: BY_ENDPOINT_AND_REGION, orderBy, exclude }),
      period,
      // Empty: CloudWatch labels each series with its endpoint and region.
      label: '',
    });
  }

  private networkRows(network: ResolvedNetwork): IWidget[] {
    const stale = network.maxHeadAgeSeconds === null ? '' : `, stale after ${network.maxHeadAgeSeconds} s`;
    const widgets: IWidget[] = [
      new TextWidget({ markdown: `## ${network.id} (${network.chain})\nMax lag ${network.maxLagBlocks} blocks${stale}.`, width: FULL, height: 2 }),
      ...this.alarmWidgets(`${network.id} alarms`, (a) => a.subject.network === network.id, FULL),
    ];
    if (servedEndpoints(network).length > 0) {
      widgets.push(
        new GraphWidget({ title: `${network.id}: up by region (0/1)`, left: [this.perEndpoint(network, 'MIN', 'Up', 'ASC')], leftYAxis: { min: 0, max: 1 }, width: HALF }),
        new GraphWidget({ title: `${network.id}: time to first byte (ms)`, left: [this.perEndpoint(network, 'AVG', 'TimeToFirstByte', 'DESC')], leftYAxis: { min: 0 }, width: HALF }),
      );
    }
    const full = this.props.deployment.config.metrics.detail === 'full';
    if (full && network.endpoints.some((e) => e.visibility === 'public')) {
      widgets.push(new GraphWidget({ title: `${network.id}: block height`, left: [this.perEndpoint(network, 'MAX', 'BlockHeight', 'DESC')], width: HALF }));
    }
    if (servedEndpoints(network).length > 0) {
      widgets.push(new GraphWidget({
        title: `${network.id}: height lag (blocks)`,
        left: [this.perEndpoint(network, 'MAX', 'HeightLag', 'DESC')],
        leftAnnotations: [{ value: network.maxLagBlocks, label: 'max lag' }],
        leftYAxis: { min: 0 },
        width: HALF,
      }));
    }
    if (headAgeEndpoints(network).length > 0) {
      widgets.push(new GraphWidget({
        title: `${network.id}: head age (s)`,
        // The network's freshest head (what the stale-head alarm reads); per endpoint and region with metrics.detail: full.
        left: [full ? this.perEndpoint(network, 'MAX', 'HeadAge', 'DESC') : this.props.metrics.network('HeadAge', network.id, this.period)],
        leftAnnotations: [{ value: network.maxHeadAgeSeconds!, label: 'stale' }],
        leftYAxis: { min: 0 },
        width: HALF,
      }));
    }
    if (network.maxFinalityLagSeconds !== null) {
      widgets.push(new GraphWidget({
        title: `${network.id}: finality lag (s)`,
        left: [this.perEndpoint(network, 'MAX', 'FinalityLag', 'DESC')],
        leftAnnotations: [{ value: network.maxFinalityLagSeconds, label: 'finality lagging' }],
        leftYAxis: { min: 0 },
        width: HALF,
      }));
    }
    if (network.cadenceFactor !== null) {
      widgets.push(new GraphWidget({
        title: `${network.id}: block interval (s)`,
        left: [this.props.metrics.network('BlockInterval', network.id, this.period)],
        leftAnnotations: [{ value: network.cadenceFactor * network.blockTimeSeconds, label: 'slow blocks' }],
        leftYAxis: { min: 0 },
        width: HALF,
      }));
    }
    if (network.arrival) {
      widgets.push(new GraphWidget({
        title: `${network.id}: block arrival after the fastest endpoint (ms, p50)`,
        left: [this.perEndpoint(network, 'MAX', 'ArrivalDelay', 'DESC')],
        leftAnnotations: [{ value: network.arrival.maxDelayMs, label: 'late blocks' }],
        leftYAxis: { min: 0 },
        width: HALF,
      }));
    }
    if (servedEndpoints(network).some(watchesAddresses)) {
      // The alarm's own metric: one series per endpoint, the most failing addresses any region saw.
      widgets.push(new GraphWidget({
        title: `${network.id}: failing addresses per endpoint`,
        left: [new MathExpression({
          expression: this.props.metrics.alarmMetricQuery('MAX', 'AddressesUnhealthy', network.id, { groupBy: [DIMENSION.Endpoint], orderBy: 'DESC' }),
          period: this.period,
          label: '',
        })],
        leftAnnotations: [{ value: 1, label: 'addresses alarm' }],
        leftYAxis: { min: 0 },
        width: HALF,
      }));
    }
    if (servedEndpoints(network).some(mayUseTls)) {
      // Hourly: days to expiry move slowly; the lowest across regions per endpoint, soonest first.
      widgets.push(new SingleValueWidget({
        title: `${network.id}: certificate days to expiry`,
        metrics: [new MathExpression({
          expression: this.props.metrics.alarmMetricQuery('MIN', 'TlsDaysToExpiry', network.id, { groupBy: [DIMENSION.Endpoint], orderBy: 'ASC' }),
          period: Duration.hours(1),
          label: '',
        })],
        width: FULL,
      }));
    }
    return widgets;
  }
}
