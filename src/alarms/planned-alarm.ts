// One alarm of the plan, as data (alarm-plan.ts builds the list).
import type { AlarmCondition } from './alarm-condition.ts';
import type { AlarmSubject } from './alarm-names.ts';
import type { AlarmTuning } from './alarm-tuning.ts';

export type Severity = 'critical' | 'warning';

/**
 * How CloudWatch bills it: per alarm metric (standard $0.10, high-resolution
 * $0.30), per metric a Metrics Insights query analyses, per anomaly band
 * (3 alarm metrics), or per composite alarm.
 */
export type AlarmBilling = 'standard' | 'high-resolution' | 'insights' | 'anomaly' | 'composite';

export interface PlannedAlarm {
  readonly name: string;
  readonly subject: AlarmSubject;
  readonly severity: Severity;
  readonly condition: AlarmCondition;
  /** Period and window; null for composites. */
  readonly tuning: AlarmTuning | null;
  /**
   * The topic its own alarm and OK actions go to; null when it notifies only
   * through a composite (or not at all: a suppressor).
   */
  readonly notifies: Severity | null;
  readonly billing: AlarmBilling;
  /** Alarm metrics billed (metrics evaluated, metrics analysed, 3 for a band); 0 for a composite. */
  readonly billedMetrics: number;
  /** Alarms of one unit stay in one stack: a composite, its children and its suppressor. */
  readonly unit: string;
  /** A composite's children ([] for metric alarms). */
  readonly children: readonly string[];
}
