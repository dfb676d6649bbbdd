// One dashboard for the deployment: the probes' heartbeat on top, then per
// network its alarms, up by region, latency, height and lag, and
// certificate days. Built from VantageMetrics; no metric is defined here.
import { Duration } from 'aws-cdk-lib';
import {
  AlarmStatusWidget, Dashboard, GraphWidget, MathExpression, SingleValueWidget, Stats, TextWidget, type AlarmBase, type IWidget,
} from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import type { ResolvedNetwork } from '../../src/config/resolved-config.ts';
import { mayUseTls, servedEndpoints, type PlannedAlarm } from '../../src/cost/alarm-inventory.ts';
import type { Deployment } from '../deployment.ts';
import type { VantageMetrics } from './vantage-metrics.ts';

export interface VantageDashboardProps {
  readonly deployment: Deployment;
  readonly dashboardName: string;
  readonly metrics: VantageMetrics;
  readonly planned: readonly PlannedAlarm[];
  readonly alarms: ReadonlyMap<string, AlarmBase>;
}

const FULL = 24;
const HALF = 12;

export class VantageDashboard extends Construct {
  readonly dashboard: Dashboard;
  private readonly props: VantageDashboardProps;
  private readonly period: Duration;

  constructor(scope: Construct, id: string, props: VantageDashboardProps) {
    super(scope, id);
    this.props = props;
    this.period = Duration.seconds(props.deployment.intervalSeconds);
    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: props.dashboardName,
      defaultInterval: Duration.hours(3),
      widgets: [this.probeRow(), ...props.deployment.config.networks.map((n) => this.networkRows(n))],
    });
  }

  private alarmsWhere(test: (a: PlannedAlarm) => boolean): AlarmBase[] {
    return this.props.planned.filter(test).map((a) => this.props.alarms.get(a.name)!);
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
      new AlarmStatusWidget({ title: 'Probe heartbeats', alarms: this.alarmsWhere((a) => a.subject.kind === 'heartbeat'), width: HALF }),
    ];
  }

  private networkRows(network: ResolvedNetwork): IWidget[] {
    const m = this.props.metrics;
    const period = this.period;
    const regions = this.props.deployment.regions;
    const served = servedEndpoints(network);
    const perEndpointRegion = (endpoints: readonly { id: string }[], make: (endpoint: string, region: string) => ReturnType<VantageMetrics['endpoint']>) =>
      endpoints.flatMap((e) => regions.map((r) => make(e.id, r)));
    const stale = network.maxHeadAgeSeconds === null ? '' : `, stale after ${network.maxHeadAgeSeconds} s`;
    const widgets: IWidget[] = [
      new TextWidget({ markdown: `## ${network.id} (${network.chain})\nMax lag ${network.maxLagBlocks} blocks${stale}.`, width: FULL, height: 2 }),
      new AlarmStatusWidget({ title: `${network.id} alarms`, alarms: this.alarmsWhere((a) => a.subject.network === network.id), width: FULL }),
      new GraphWidget({
        title: `${network.id}: up by region (0/1)`,
        left: perEndpointRegion(served, (endpoint, region) => m.up({ network: network.id, endpoint, region, period })),
        leftYAxis: { min: 0, max: 1 },
        width: HALF,
      }),
      new GraphWidget({
        title: `${network.id}: time to first byte (ms)`,
        left: perEndpointRegion(served, (endpoint, region) => m.endpoint('TimeToFirstByte', { network: network.id, endpoint, region, statistic: Stats.AVERAGE, period })),
        leftYAxis: { min: 0 },
        width: HALF,
      }),
      new GraphWidget({
        title: `${network.id}: block height`,
        left: perEndpointRegion(network.endpoints.filter((e) => e.visibility === 'public'), (endpoint, region) =>
          m.endpoint('BlockHeight', { network: network.id, endpoint, region, statistic: Stats.MAXIMUM, period })),
        width: HALF,
      }),
      new GraphWidget({
        title: `${network.id}: height lag (blocks)`,
        left: perEndpointRegion(served, (endpoint, region) => m.endpoint('HeightLag', { network: network.id, endpoint, region, statistic: Stats.MAXIMUM, period })),
        leftAnnotations: [{ value: network.maxLagBlocks, label: 'max lag' }],
        leftYAxis: { min: 0 },
        width: HALF,
      }),
    ];
    const certified = served.filter(mayUseTls);
    if (certified.length > 0) {
      const hourly = Duration.hours(1);
      widgets.push(new SingleValueWidget({
        title: `${network.id}: certificate days to expiry`,
        metrics: certified.map((e, k) => {
          // Ids are unique across the widget: e<endpoint>r<region>.
          const series = Object.fromEntries(regions.map((region, i) =>
            [`e${k}r${i}`, m.endpoint('TlsDaysToExpiry', { network: network.id, endpoint: e.id, region, statistic: Stats.MINIMUM, period: hourly })]));
          return new MathExpression({ expression: `MIN([${Object.keys(series).join(', ')}])`, usingMetrics: series, period: hourly, label: e.id });
        }),
        width: FULL,
      }));
    }
    return widgets;
  }
}
