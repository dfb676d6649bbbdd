// Builds alarms of the alarm plan (src/alarms/alarm-plan.ts) — all of them,
// or one alarm stack's share — named with alarmName() so the status function
// can parse the names back. Each condition shape of the plan becomes its
// resource: a metric or metric-math alarm, a Metrics Insights alarm, an
// anomaly detector with its band alarm, or a composite alarm with its
// maintenance suppressor. Actions go where the plan says (`notifies`): the
// critical or the warning topic, alarm and OK both.
import { Duration } from 'aws-cdk-lib';
import {
  Alarm, AlarmRule, AnomalyDetectionAlarm, CfnAnomalyDetector, ComparisonOperator, CompositeAlarm, MathExpression, Metric,
  type AlarmBase, type IMetric, type TreatMissingData, type Unit,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import type { MetricRef } from '../../src/alarms/alarm-condition.ts';
import type { AlarmSubject } from '../../src/alarms/alarm-names.ts';
import { compositeRule } from '../../src/alarms/plan-limits.ts';
import type { PlannedAlarm } from '../../src/alarms/planned-alarm.ts';
import { METRIC_UNIT } from '../../src/report/metric-names.ts';
import type { Deployment } from '../deployment.ts';
import { alarmDescription } from './alarm-text.ts';

export interface AlertTopics {
  readonly critical: ITopic;
  readonly warning: ITopic;
}

export interface VantageAlarmsProps {
  readonly deployment: Deployment;
  /** The alarms this construct builds, composites after their children and suppressors (plan order). */
  readonly alarms: readonly PlannedAlarm[];
  readonly topics: AlertTopics;
  readonly dashboardUrl: string;
}

export class VantageAlarms extends Construct {
  readonly byName: ReadonlyMap<string, AlarmBase>;
  private readonly props: VantageAlarmsProps;

  constructor(scope: Construct, id: string, props: VantageAlarmsProps) {
    super(scope, id);
    this.props = props;
    const byName = new Map<string, AlarmBase>();
    for (const planned of props.alarms) {
      const alarm = planned.condition.type === 'composite' ? this.composite(planned, byName) : this.metricAlarm(planned);
      byName.set(planned.name, alarm);
      if (planned.notifies) {
        const topic = planned.notifies === 'critical' ? props.topics.critical : props.topics.warning;
        alarm.addAlarmAction(new SnsAction(topic));
        alarm.addOkAction(new SnsAction(topic));
      }
    }
    this.byName = byName;
  }

  private metricAlarm(planned: PlannedAlarm): Alarm {
    const tuning = planned.tuning!;
    const period = Duration.seconds(tuning.periodSeconds);
    const common = {
      alarmName: planned.name,
      alarmDescription: alarmDescription(planned, { config: this.props.deployment.config, dashboardUrl: this.props.dashboardUrl }),
      evaluationPeriods: tuning.evaluationPeriods,
      datapointsToAlarm: tuning.datapointsToAlarm,
      // The tuning speaks CloudWatch's wire values, which are TreatMissingData's.
      treatMissingData: tuning.treatMissingData as TreatMissingData,
    };
    const id = constructId(planned.subject);
    const c = planned.condition;
    switch (c.type) {
      case 'metric':
        return new Alarm(this, id, { ...common, metric: this.metric(c.metric, period), threshold: c.threshold, comparisonOperator: c.comparison as ComparisonOperator });
      case 'math': {
        const usingMetrics: Record<string, IMetric> = Object.fromEntries(Object.entries(c.metrics).map(([key, m]) => [key, this.metric(m, period)]));
        const metric = new MathExpression({ expression: c.expression, usingMetrics, period, label: c.label });
        return new Alarm(this, id, { ...common, metric, threshold: c.threshold, comparisonOperator: c.comparison as ComparisonOperator });
      }
      case 'insights': {
        // A Metrics Insights query renders as one Expression with its own period and no submetrics.
        const metric = new MathExpression({ expression: c.query, period, label: c.label });
        return new Alarm(this, id, { ...common, metric, threshold: c.threshold, comparisonOperator: c.comparison as ComparisonOperator });
      }
      case 'anomaly': {
        const metric = this.metric(c.metric, period);
        const detector = new CfnAnomalyDetector(this, `${id} model`, {
          singleMetricAnomalyDetector: {
            namespace: this.props.deployment.config.namespace,
            metricName: c.metric.name,
            dimensions: c.metric.dimensions.map((d) => ({ name: d.name, value: d.value })),
            stat: c.metric.statistic,
          },
        });
        // Slower blocks than the model expects: a faster chain is no trouble for its users.
        const alarm = new AnomalyDetectionAlarm(this, id, { ...common, metric, stdDevs: c.bandStandardDeviations, comparisonOperator: ComparisonOperator.GREATER_THAN_UPPER_THRESHOLD });
        alarm.node.addDependency(detector);
        return alarm;
      }
      case 'composite':
        throw new Error('a composite alarm has no metric');
    }
  }

  private composite(planned: PlannedAlarm, built: ReadonlyMap<string, AlarmBase>): CompositeAlarm {
    if (planned.condition.type !== 'composite') throw new Error(`${planned.name} is not a composite`);
    const { children, suppressor, waitSeconds } = planned.condition;
    // Children by name, not ARN: the rule stays within its 10,240 characters (src/alarms/plan-limits.ts checks).
    const alarm = new CompositeAlarm(this, constructId(planned.subject), {
      compositeAlarmName: planned.name,
      alarmDescription: alarmDescription(planned, { config: this.props.deployment.config, dashboardUrl: this.props.dashboardUrl }),
      alarmRule: AlarmRule.fromString(compositeRule(children)),
      ...(suppressor
        ? {
          actionsSuppressor: built.get(suppressor)!,
          actionsSuppressorWaitPeriod: Duration.seconds(waitSeconds),
          actionsSuppressorExtensionPeriod: Duration.seconds(waitSeconds),
        }
        : {}),
    });
    for (const name of [...children, ...(suppressor ? [suppressor] : [])]) alarm.node.addDependency(built.get(name)!);
    return alarm;
  }

  private metric(ref: MetricRef, period: Duration): Metric {
    return new Metric({
      namespace: this.props.deployment.config.namespace,
      metricName: ref.name,
      dimensionsMap: Object.fromEntries(ref.dimensions.map((d) => [d.name, d.value])),
      statistic: ref.statistic,
      // The unit the publisher sends: an alarm naming another unit sees nothing.
      unit: METRIC_UNIT[ref.name] as Unit,
      period,
    });
  }
}

function constructId(s: AlarmSubject): string {
  const scope = s.everything ? 'all' : [s.group, s.warnDays === undefined ? undefined : `${s.warnDays}d`, s.network, s.endpoint, s.account, s.region].filter((x) => x !== undefined).join(' ');
  return `${s.kind} ${scope}`.replaceAll('/', '-');
}
