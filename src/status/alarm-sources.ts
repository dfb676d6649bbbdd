// What the central status model is made from, as plain data (the AWS SDK
// stays in functions/status/): alarm states and history, the regions behind
// firing alarms, and metric series.
import type { PageLayout } from './page-layout.ts';
import type { RegionSamples } from './region-charts.ts';

export type AlarmState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

export interface AlarmSnapshot {
  readonly name: string;
  readonly state: AlarmState;
  /** When the alarm entered its state (ISO-8601). */
  readonly updatedAt: string;
  /** The value behind the state (the worst region's, when known), else null. */
  readonly value: number | null;
  /** Probe regions where the watched metric is in breach now ([] when unknown or OK). */
  readonly regions: readonly string[];
}

export interface AlarmTransition {
  readonly name: string;
  readonly at: string;
  readonly from: AlarmState;
  readonly to: AlarmState;
  readonly value: number | null;
}

/** A firing alarm's regions in breach from `at` on (read back from its per-region metrics). */
export interface RegionSighting {
  readonly alarm: string;
  readonly at: string;
  readonly regions: readonly string[];
}

export interface UptimeSeries {
  readonly network: string;
  readonly endpoint: string;
  readonly region: string;
  /** Daily mean of Up (0..1) outside maintenance, by UTC day. */
  readonly days: ReadonlyMap<string, number>;
}

export interface AlarmSources {
  readonly namespace: string;
  readonly layout: PageLayout;
  readonly alarms: readonly AlarmSnapshot[];
  readonly transitions: readonly AlarmTransition[];
  readonly uptime: readonly UptimeSeries[];
  /** Per-region TimeToFirstByte p50 and HeightLag Maximum, for the charts. */
  readonly charts?: readonly RegionSamples[];
  /** For firing alarms, when the set of regions in breach changed (oldest first). */
  readonly regionSightings?: readonly RegionSighting[];
  /** When each maintenance window was first published (from the last feed written). */
  readonly maintenanceFirstSeen?: ReadonlyMap<string, string>;
  readonly now: string;
  /** Start of the alarm history window read (CloudWatch keeps alarm history for a limited time). */
  readonly historyStart: string;
}
