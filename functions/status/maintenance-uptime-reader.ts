// Reads Up again for the days a maintenance window touched
// (maintenance-uptime.ts plans and averages). A past day's answer never
// changes, so it is kept for the warm container; today's is read with every
// uptime read. A day that cannot be read shows no uptime for the endpoints
// the window covered (a warning), never a ratio that counts the window.
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { UptimeSeries } from '../../src/status/alarm-model.ts';
import type { PageLayout } from '../../src/status/page-layout.ts';
import { getMetricData } from './metric-reader.ts';
import { dayPlan, ratiosOutside, seriesKey, touchedDays, withoutMaintenance, type TouchedDay } from './maintenance-uptime.ts';

export class MaintenanceUptime {
  readonly #cloudwatch: CloudWatchClient;
  /** Past days by their plan (day, period, intervals): a changed window reads the day again. */
  readonly #pastDays = new Map<string, Map<string, number | null>>();

  constructor(cloudwatch: CloudWatchClient) {
    this.#cloudwatch = cloudwatch;
  }

  /** `series` with every touched day's value taken outside maintenance. */
  async apply(series: readonly UptimeSeries[], layout: PageLayout, namespace: string, now: Date, signal: AbortSignal, warnings: string[]): Promise<UptimeSeries[]> {
    const corrected = new Map<string, Map<string, number | null>>();
    for (const day of touchedDays(layout, now)) {
      corrected.set(day.day, await this.#day(day, layout, namespace, signal, warnings));
    }
    return withoutMaintenance(series, corrected);
  }

  async #day(day: TouchedDay, layout: PageLayout, namespace: string, signal: AbortSignal, warnings: string[]): Promise<Map<string, number | null>> {
    const complete = day.endMs - day.startMs === 86_400_000;
    const cacheKey = JSON.stringify([day.day, day.periodSeconds, day.endpoints]);
    const cached = complete ? this.#pastDays.get(cacheKey) : undefined;
    if (cached) return cached;
    const plan = dayPlan(day, layout.regions, namespace);
    try {
      const results = await getMetricData(this.#cloudwatch, plan.queries, new Date(day.startMs), new Date(day.endMs), signal);
      const ratios = ratiosOutside(day, plan, results);
      if (complete) this.#pastDays.set(cacheKey, ratios);
      return ratios;
    } catch (err) {
      warnings.push(`uptime outside maintenance on ${day.day}: ${(err as Error).message}`);
      return new Map([...plan.subjects.values()].map((s) => [seriesKey(s.network, s.endpoint, s.region), null] as const));
    }
  }
}
