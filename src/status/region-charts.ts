// Chart series of the central page from per-region metric data: response
// time is the mean of the regions' medians (TimeToFirstByte p50 per region;
// CloudWatch cannot merge percentiles across metrics), lag the largest any
// region saw (HeightLag Maximum). Buckets are keyed by their start.
import { dailySeries, dayStart, hourlySeries, hourStart } from './chart-series.ts';
import { endpointComponentId } from './page-layout.ts';
import type { EndpointCharts } from './status-model.ts';

export type ChartMetric = 'responseMs' | 'lagBlocks';
export type ChartStep = 'hourly' | 'daily';

export interface RegionSamples {
  readonly network: string;
  readonly endpoint: string;
  readonly region: string;
  readonly metric: ChartMetric;
  readonly step: ChartStep;
  /** Datapoints by timestamp (ms); each counts for the bucket holding it. */
  readonly points: ReadonlyMap<number, number>;
}

type Buckets = Map<number, number[]>;

export function chartsFromRegions(samples: readonly RegionSamples[], nowMs: number, days?: number): Map<string, EndpointCharts> {
  const byComponent = new Map<string, Record<ChartMetric, Record<ChartStep, Buckets>>>();
  for (const s of samples) {
    const id = endpointComponentId(s.network, s.endpoint);
    const entry = byComponent.get(id) ?? { responseMs: { hourly: new Map(), daily: new Map() }, lagBlocks: { hourly: new Map(), daily: new Map() } };
    byComponent.set(id, entry);
    const buckets = entry[s.metric][s.step];
    for (const [at, value] of s.points) {
      if (!Number.isFinite(value)) continue;
      const key = s.step === 'hourly' ? hourStart(at) : dayStart(at);
      buckets.set(key, [...(buckets.get(key) ?? []), value]);
    }
  }
  const mean = (values: readonly number[] | undefined) => (values?.length ? values.reduce((a, b) => a + b, 0) / values.length : null);
  const max = (values: readonly number[] | undefined) => (values?.length ? Math.max(0, ...values) : null);
  const out = new Map<string, EndpointCharts>();
  for (const [id, entry] of byComponent) {
    out.set(id, {
      responseMs: {
        hourly: hourlySeries(nowMs, (ms) => mean(entry.responseMs.hourly.get(ms))),
        daily: dailySeries(nowMs, (ms) => mean(entry.responseMs.daily.get(ms)), days),
      },
      lagBlocks: {
        hourly: hourlySeries(nowMs, (ms) => max(entry.lagBlocks.hourly.get(ms))),
        daily: dailySeries(nowMs, (ms) => max(entry.lagBlocks.daily.get(ms)), days),
      },
    });
  }
  return out;
}
