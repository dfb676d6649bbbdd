// One metric sample, independent of where it goes (CloudWatch PutMetricData,
// EMF log lines). Pure data: the AWS wire shape lives in src/publish/.
import type { Dimension } from '../report/metric-layout.ts';
import type { MetricName, MetricUnit } from '../report/metric-names.ts';

export type { Dimension } from '../report/metric-layout.ts';

export interface MetricDatum {
  readonly name: MetricName;
  /** In a fixed order per metric, so equal dimension sets compare equal. */
  readonly dimensions: readonly Dimension[];
  readonly value: number;
  readonly unit: MetricUnit;
  /** Epoch milliseconds: the round's slot (the run's start for a single round), shared by every datum of the round. */
  readonly timestamp: number;
  /** StorageResolution 1 (sub-minute rounds); absent: standard resolution (60). */
  readonly highResolution?: true;
}
