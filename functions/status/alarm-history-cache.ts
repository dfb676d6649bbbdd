// The state history of the alarms that changed lately, read through a cache
// and a pacer that both live as long as the warm container. History changes
// only with an alarm's state, so an alarm is read again only when its state
// timestamp moved. DescribeAlarmHistory is limited to 3 requests per second
// (request-pacer.ts): one pacer per container lets warm runs share the quota
// with each other's leftovers, and a time budget per run leaves what was not
// read to the next runs (the cache keeps what was), so a cold start with many
// changed alarms catches up over a few minutes instead of timing out.
import type { CloudWatchClient, MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { mapConcurrent } from '../../src/engine/map-concurrent.ts';
import type { AlarmTransition } from '../../src/status/alarm-model.ts';
import { alarmTransitions } from './alarm-reader.ts';
import { DESCRIBE_ALARM_HISTORY } from '../../src/config/aws-limits.ts';
import { requestPacer, type Pacer } from './request-pacer.ts';

/** DescribeAlarmHistory calls in flight at once; the pacer keeps their starts within the quota. */
const HISTORY_CONCURRENCY = 3;
/** Time the history reads may take in one run, by default. */
export const HISTORY_BUDGET_MS = 20_000;
const DAY_MS = 86_400_000;

export interface HistoryWindow {
  readonly start: Date;
  readonly end: Date;
}

export class AlarmHistoryCache {
  readonly #cloudwatch: CloudWatchClient;
  readonly #pace: Pacer;
  readonly #budgetMs: number;
  readonly #cache = new Map<string, { readonly updatedAt: string; readonly transitions: AlarmTransition[] }>();

  constructor(cloudwatch: CloudWatchClient, budgetMs = HISTORY_BUDGET_MS, pace: Pacer = requestPacer(DESCRIBE_ALARM_HISTORY.maxRequestsPerSecond)) {
    this.#cloudwatch = cloudwatch;
    this.#budgetMs = budgetMs;
    this.#pace = pace;
  }

  /** As far back as CloudWatch keeps alarm history. */
  static windowEndingAt(now: Date): HistoryWindow {
    return { start: new Date(now.getTime() - DESCRIBE_ALARM_HISTORY.windowDays * DAY_MS), end: now };
  }

  /** The alarms whose history can hold a transition in the window: firing, or changed since its start. */
  static changedIn(alarms: readonly MetricAlarm[], window: HistoryWindow): MetricAlarm[] {
    return alarms.filter((a) => a.StateValue === 'ALARM' || (a.StateUpdatedTimestamp?.getTime() ?? 0) >= window.start.getTime());
  }

  /** Transitions of `alarms` in the window; what could not be read is a warning and left out. */
  async transitions(alarms: readonly MetricAlarm[], window: HistoryWindow, signal: AbortSignal, warnings: string[]): Promise<AlarmTransition[]> {
    const budget = AbortSignal.any([signal, AbortSignal.timeout(this.#budgetMs)]);
    const lists = await mapConcurrent(alarms, HISTORY_CONCURRENCY, (alarm) => this.#read(alarm, window, budget, warnings));
    return lists.flat();
  }

  async #read(alarm: MetricAlarm, window: HistoryWindow, signal: AbortSignal, warnings: string[]): Promise<AlarmTransition[]> {
    const name = alarm.AlarmName!;
    const updatedAt = alarm.StateUpdatedTimestamp?.toISOString() ?? '';
    const cached = this.#cache.get(name);
    if (cached && cached.updatedAt === updatedAt) return cached.transitions;
    try {
      const transitions = await alarmTransitions(this.#cloudwatch, name, window.start, window.end, signal, this.#pace);
      this.#cache.set(name, { updatedAt, transitions });
      return transitions;
    } catch (err) {
      warnings.push(`history of "${name}": ${(err as Error).message}`);
      return [];
    }
  }
}
