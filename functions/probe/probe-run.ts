// One invocation of the probe function, as named steps: deadlines from the
// time Lambda gives, this shard's networks, their secrets, then the rounds —
// 60 / everySeconds of them at fixed slots (round-slots.ts; the block arrival
// watch with the first only), each probed,
// turned into datums stamped with its slot (high-resolution below a minute),
// published (or written as EMF) and logged at once — and last the ProbeRuns
// heartbeat, sent only when every round was published completely.
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';
import type { ResolvedConfig } from '../../src/config/resolved-config.ts';
import { runRound } from '../../src/engine/round.ts';
import { heartbeatDatum, reportToDatums } from '../../src/metrics/report-datums.ts';
import { publishWithFallback, type FallbackPublication } from '../../src/publish/publish-with-fallback.ts';
import { worstStatus, type Status } from '../../src/report/reasons.ts';
import type { Report } from '../../src/report/report.ts';
import type { Redaction } from '../common/function-logger.ts';
import type { ProbeSetup } from './probe-setup.ts';
import { logRunSummary, logUnpublished, logUnresolvedSecrets } from './run-log.ts';
import { runDeadlines } from './run-deadlines.ts';
import { roundBudgetMs, roundSlots, scheduledMinute } from './round-slots.ts';
import { inShard, shardOfEvent, type Shard } from './shard.ts';
import type { Redactor } from '../../src/config/redactor.ts';

export interface ProbeRunSummary {
  readonly status: Status;
  readonly shard: Shard;
  readonly endpoints: number;
  /** Rounds run (60 / everySeconds when the time allows). */
  readonly rounds: number;
  readonly published: number;
  /** Datums written as EMF because publishing failed. */
  readonly unpublished: number;
}

export interface ProbeRunContext {
  readonly setup: ProbeSetup;
  readonly logger: Logger;
  readonly redaction: Redaction;
}

interface RoundRun {
  readonly report: Report;
  readonly publication: FallbackPublication;
}

export async function runProbe(ctx: ProbeRunContext, event: unknown, context: Context, signal: AbortSignal): Promise<ProbeRunSummary> {
  const { setup, logger, redaction } = ctx;
  const { clock, config } = setup;
  const startedAt = clock.now();
  const deadlines = runDeadlines(context.getRemainingTimeInMillis(), setup.reserveMs);
  const probeDeadline = startedAt + deadlines.probeMs;
  const publishDeadline = startedAt + deadlines.publishMs;
  const shard = shardOfEvent(event);

  const mine = { ...config, networks: config.networks.filter((network) => inShard(network.id, shard)) };
  const secrets = await setup.resolveSecrets(mine, AbortSignal.any([signal, AbortSignal.timeout(deadlines.probeMs)]));
  redaction.current = secrets.redactor;
  logUnresolvedSecrets(logger, secrets.unresolved);

  const every = config.probe.everySeconds;
  const slots = roundSlots(scheduledMinute(event, startedAt), every);
  const budget = roundBudgetMs(mine);
  const runs: RoundRun[] = [];
  // A late start joins at the slot it is in: earlier slots' periods are over.
  const first = Math.max(0, slots.findLastIndex((slot) => slot <= startedAt));
  for (let k = first; k < slots.length && (runs.length === 0 || !signal.aborted); k++) {
    if (runs.length > 0 && slots[k]! + every * 1000 <= clock.now()) continue;
    // The first round always runs (cut at the deadline); a later one only if it can finish, decided before waiting for it.
    if (runs.length > 0 && Math.max(slots[k]!, clock.now()) + budget > probeDeadline) break;
    await clock.sleep(slots[k]! - clock.now(), signal);
    const roundSignal = AbortSignal.any([signal, AbortSignal.timeout(Math.max(0, probeDeadline - clock.now()))]);
    runs.push(await probeRound(ctx, secrets, { shard, slot: slots[k]!, index: k, of: slots.length, first: runs.length === 0, signal: roundSignal, publishDeadline }));
  }

  const heartbeat = await publishHeartbeat(ctx, runs, slots[first]!, publishDeadline);
  const last = runs[runs.length - 1]!.report;
  return {
    status: worstStatus(runs.map((r) => r.report.status)),
    shard,
    endpoints: last.networks.reduce((n, network) => n + network.endpoints.length, 0),
    rounds: runs.length,
    published: runs.reduce((n, r) => n + r.publication.outcome.published, 0) + heartbeat.outcome.published,
    unpublished: runs.reduce((n, r) => n + r.publication.outcome.unpublished.length, 0) + heartbeat.outcome.unpublished.length,
  };
}

interface RoundSlot {
  readonly shard: Shard;
  readonly slot: number;
  readonly index: number;
  readonly of: number;
  readonly first: boolean;
  readonly signal: AbortSignal;
  readonly publishDeadline: number;
}

async function probeRound(
  { setup, logger }: ProbeRunContext, secrets: { config: ResolvedConfig; redactor: Redactor }, round: RoundSlot,
): Promise<RoundRun> {
  const { config, clock } = setup;
  // The block arrival watch (a window of many seconds) runs with the first round only: later rounds are the quick ones.
  const roundConfig = round.first ? secrets.config : { ...secrets.config, networks: secrets.config.networks.map((n) => ({ ...n, arrival: null })) };
  const report = await runRound(roundConfig, secrets.redactor, { region: setup.region, runSignal: round.signal, now: clock.now });
  const datums = reportToDatums(report, setup.datumPlan, {
    timestamp: round.slot,
    highResolution: config.probe.everySeconds < 60,
    invocationFacts: round.first,
    heartbeat: false,
    nowMs: clock.now(),
  });
  const publication = await publishWithFallback(datums, { namespace: config.namespace, publisher: setup.publisher, deadline: round.publishDeadline, now: setup.clock.now });
  for (const line of publication.emfLines) setup.writeLine(line);
  logUnpublished(logger, publication);
  logRunSummary(logger, {
    shard: round.shard, namespace: config.namespace, centralRegion: setup.centralRegion, publication, report,
    round: { index: round.index, of: round.of, slot: new Date(round.slot).toISOString() },
  });
  return { report, publication };
}

/** ProbeRuns = 1 for the invocation, once every round's datums were accepted; otherwise it joins them as EMF (a missing heartbeat raises the alarm). */
async function publishHeartbeat({ setup, logger }: ProbeRunContext, runs: readonly RoundRun[], slot: number, deadline: number): Promise<FallbackPublication> {
  const datum = heartbeatDatum(setup.region, slot);
  const complete = runs.every((r) => r.publication.outcome.unpublished.length === 0);
  const publication = complete
    ? await publishWithFallback([datum], { namespace: setup.config.namespace, publisher: setup.publisher, deadline, now: setup.clock.now })
    : await publishWithFallback([datum], { namespace: setup.config.namespace, publisher: () => { throw new Error('heartbeat withheld: a round was not published completely'); }, deadline, now: setup.clock.now });
  for (const line of publication.emfLines) setup.writeLine(line);
  logUnpublished(logger, publication);
  return publication;
}
