// Builds every alarm of the alarm plan (src/alarms/alarm-plan.ts),
// named with alarmName() so the status function can parse the names back.
// Routing: critical alarms of a network are combined in its "health"
// composite, which pages once (critical topic); warnings notify the warning
// topic directly; a silent probe region pages on its own.
import { Duration } from 'aws-cdk-lib';
import {
  Alarm, AlarmRule, CompositeAlarm, ComparisonOperator, MathExpression, Stats, type AlarmBase, type IMetric, type TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import type { AlarmSubject } from '../../src/alarms/alarm-names.ts';
import type { ResolvedNetwork } from '../../src/config/resolved-config.ts';
import { alarmPlan, type PlannedAlarm } from '../../src/alarms/alarm-plan.ts';
import type { Deployment } from '../deployment.ts';
import { alarmDescription } from './alarm-text.ts';
import { alarmTuning } from '../../src/alarms/alarm-tuning.ts';
import type { EndpointMetricName, VantageMetrics } from './vantage-metrics.ts';

export interface AlertTopics {
  readonly critical: ITopic;
  readonly warning: ITopic;
}

export interface VantageAlarmsProps {
  readonly deployment: Deployment;
  readonly metrics: VantageMetrics;
  readonly topics: AlertTopics;
  readonly dashboardUrl: string;
}

interface AlarmCondition {
  readonly metric: IMetric;
  readonly threshold: number;
  readonly comparisonOperator: ComparisonOperator;
}

export class VantageAlarms extends Construct {
  readonly planned: readonly PlannedAlarm[];
  readonly byName: ReadonlyMap<string, AlarmBase>;
  private readonly props: VantageAlarmsProps;

  constructor(scope: Construct, id: string, props: VantageAlarmsProps) {
    super(scope, id);
    this.props = props;
    this.planned = alarmPlan(props.deployment.config);
    const inComposite = new Set(this.planned.flatMap((a) => a.children));
    const byName = new Map<string, AlarmBase>();
    for (const planned of this.planned) {
      const alarm = planned.children.length > 0 ? this.composite(planned, byName) : this.metricAlarm(planned);
      byName.set(planned.name, alarm);
      const topic = planned.severity === 'warning' ? props.topics.warning : inComposite.has(planned.name) ? null : props.topics.critical;
      if (topic) {
        alarm.addAlarmAction(new SnsAction(topic));
        alarm.addOkAction(new SnsAction(topic));
      }
    }
    this.byName = byName;
  }

  private metricAlarm(planned: PlannedAlarm): Alarm {
    const kind = planned.subject.kind as Exclude<PlannedAlarm['subject']['kind'], 'health'>;
    const tuning = alarmTuning(kind, this.props.deployment.intervalSeconds);
    const condition = this.condition(planned.subject, Duration.seconds(tuning.periodSeconds));
    return new Alarm(this, constructId(planned.subject), {
      alarmName: planned.name,
      alarmDescription: this.description(planned),
      ...condition,
      evaluationPeriods: tuning.evaluationPeriods,
      datapointsToAlarm: tuning.datapointsToAlarm,
      // The tuning speaks CloudWatch's wire values, which are TreatMissingData's.
      treatMissingData: tuning.treatMissingData as TreatMissingData,
    });
  }

  private composite(planned: PlannedAlarm, built: ReadonlyMap<string, AlarmBase>): CompositeAlarm {
    // Children by name, not ARN: the rule stays far below its 10,240-character limit.
    const rule = planned.children.map((name) => `ALARM(${JSON.stringify(name)})`).join(' OR ');
    const alarm = new CompositeAlarm(this, constructId(planned.subject), {
      compositeAlarmName: planned.name,
      alarmDescription: this.description(planned),
      alarmRule: AlarmRule.fromString(rule),
    });
    for (const name of planned.children) alarm.node.addDependency(built.get(name)!);
    return alarm;
  }

  private description(planned: PlannedAlarm): string {
    return alarmDescription(planned, { config: this.props.deployment.config, dashboardUrl: this.props.dashboardUrl });
  }

  private condition(s: AlarmSubject, period: Duration): AlarmCondition {
    const { config } = this.props.deployment;
    const network = config.networks.find((n) => n.id === s.network);
    const GTE = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD;
    switch (s.kind) {
      case 'outage':
        return { metric: this.regionsDown(network!, s.endpoint!, period), threshold: config.alerting.outageRegions, comparisonOperator: GTE };
      case 'regional': {
        const down = this.regionsDown(network!, s.endpoint!, period);
        const metric = new MathExpression({
          expression: `IF(down >= 1 AND down < ${config.alerting.outageRegions}, 1, 0)`,
          usingMetrics: { down },
          period,
          label: 'down in some, not most, regions',
        });
        return { metric, threshold: 1, comparisonOperator: GTE };
      }
      case 'lagging':
        return {
          metric: this.acrossRegions('MAX', 'HeightLag', Stats.MAXIMUM, network!, s.endpoint!, period),
          threshold: network!.maxLagBlocks,
          comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        };
      case 'tls-expiry':
        return {
          metric: this.acrossRegions('MIN', 'TlsDaysToExpiry', Stats.MINIMUM, network!, s.endpoint!, period),
          threshold: network!.endpoints.find((e) => e.id === s.endpoint)!.tls.warnDays,
          comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
        };
      case 'exposure':
        return { metric: this.acrossRegions('MAX', 'Exposed', Stats.MAXIMUM, network!, s.endpoint!, period), threshold: 1, comparisonOperator: GTE };
      case 'stale-head':
        return {
          metric: new MathExpression({ expression: this.props.metrics.networkQuery('MIN', 'HeadAge', network!.id), period, label: 'freshest head age (s)' }),
          threshold: network!.maxHeadAgeSeconds!,
          comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        };
      case 'partkey-expiry':
        return {
          metric: this.props.metrics.partKeyDaysToExpiry(network!.id, s.account!, period),
          threshold: network!.accounts.find((a) => a.address === s.account)!.warnDays,
          comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
        };
      case 'heartbeat':
        return {
          metric: this.props.metrics.probeRuns(s.region!, period),
          threshold: config.probe.shards,
          comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
        };
      case 'health':
        throw new Error('a composite alarm has no metric');
    }
  }

  /** Number of regions in which the endpoint was down; a region that sent nothing counts as up (the heartbeat alarm covers it). */
  private regionsDown(network: ResolvedNetwork, endpoint: string, period: Duration): MathExpression {
    const ups = Object.fromEntries(this.props.deployment.regions.map((region, i) =>
      // Labelled by region only: the alarm is the endpoint's, and every byte here is repeated per alarm and region.
      [`up${i}`, this.props.metrics.up({ network: network.id, endpoint, region, period, label: region })]));
    return new MathExpression({
      expression: Object.keys(ups).map((id) => `(1 - FILL(${id}, 1))`).join(' + '),
      usingMetrics: ups,
      period,
      label: 'regions down',
    });
  }

  private acrossRegions(
    aggregate: 'MIN' | 'MAX', name: EndpointMetricName, statistic: string, network: ResolvedNetwork, endpoint: string, period: Duration,
  ): MathExpression {
    const prefix = name.toLowerCase().replace(/[^a-z]/g, '').slice(0, 8);
    const series = Object.fromEntries(this.props.deployment.regions.map((region, i) =>
      [`${prefix}${i}`, this.props.metrics.endpoint(name, { network: network.id, endpoint, region, statistic, period, label: region })]));
    return new MathExpression({
      expression: `${aggregate}([${Object.keys(series).join(', ')}])`,
      usingMetrics: series,
      period,
      label: `${aggregate.toLowerCase()} of ${name} across regions`,
    });
  }
}

function constructId(s: AlarmSubject): string {
  return [s.kind, s.network, s.endpoint, s.account, s.region].filter(Boolean).join(' ').replaceAll('/', '-');
}
