// What the person on call reads: the alarm description says in one sentence
// what is wrong ("eth-main / rpc-1 down from at least 2 of 3 regions"), then
// what to look at first. Notifications carry it verbatim.
import type { ResolvedConfig, ResolvedNetwork } from '../../src/config/resolved-config.ts';
import type { PlannedAlarm } from '../../src/alarms/alarm-plan.ts';
import { ALARM_DESCRIPTION_MAX_LENGTH } from '../../src/config/aws-limits.ts';
import { alarmTuning } from '../../src/alarms/alarm-tuning.ts';
import { arrivalLimitMs, cadenceLimitSeconds, finalityLimitSeconds } from '../../src/alarms/chain-depth-rules.ts';
import { probeStackName } from '../names.ts';

export interface AlarmTextContext {
  readonly config: ResolvedConfig;
  /** Console link to the deployment's dashboard. */
  readonly dashboardUrl: string;
}

/**
 * Long ids, many regions and a long namespace (in the dashboard link) can
 * pass CloudWatch's 1,024 characters: the dashboard link goes first (the
 * on-call person finds the dashboard by name), then the runbook is cut.
 */
export function alarmDescription(alarm: PlannedAlarm, ctx: AlarmTextContext): string {
  const head = `${sentence(alarm, ctx)}\nRunbook: ${runbook(alarm, ctx)}`;
  const full = `${head}\nDashboard: ${ctx.dashboardUrl}`;
  if (full.length <= ALARM_DESCRIPTION_MAX_LENGTH) return full;
  if (head.length <= ALARM_DESCRIPTION_MAX_LENGTH) return head;
  return `${head.slice(0, ALARM_DESCRIPTION_MAX_LENGTH - 1)}…`;
}

function sentence(alarm: PlannedAlarm, ctx: AlarmTextContext): string {
  const s = alarm.subject;
  if (s.group) return fleetSentence(alarm, ctx);
  const regions = ctx.config.probe.regions;
  const outage = ctx.config.alerting.outageRegions;
  const who = `${s.network} / ${s.endpoint}`;
  const network = ctx.config.networks.find((n) => n.id === s.network);
  const scope = s.everything ? 'Everything' : s.endpoint ? who : s.network;
  switch (s.kind) {
    case 'outage':
      return `${who} down from at least ${outage} of ${regions.length} regions (${regions.join(', ')}).`;
    case 'regional':
      return `${who} down from ${outage === 2 ? '1' : `1 to ${outage - 1}`} of ${regions.length} regions: fewer than the ${outage} that make an outage.`;
    case 'lagging':
      return `${who} more than ${network!.maxLagBlocks} blocks behind the network's reference height.`;
    case 'stale-head':
      return `${s.network}: newest block older than ${network!.maxHeadAgeSeconds} s on every endpoint, reference endpoints included — the chain looks stalled.`;
    case 'tls-expiry':
      return `${who} TLS certificate expires in less than ${endpointOf(network!, s.endpoint!).tls.warnDays} days.`;
    case 'exposure':
      return endpointOf(network!, s.endpoint!).visibility === 'private'
        ? `${who} is private but answers from the internet.`
        : `${who} answers an admin or unsafe API namespace from the internet.`;
    case 'partkey-expiry':
      return `${s.network} account ${s.account}: participation key expires in less than ${network!.accounts.find((a) => a.address === s.account)!.warnDays} days, or the account is not Online.`;
    case 'heartbeat':
      return s.everything
        ? 'A probe region has stopped reporting: the alarm that fired names it.'
        : `The ${s.region} probe has not reported for ${alarmTuning('heartbeat', { intervalSeconds: 60, everySeconds: 60 }).evaluationPeriods} runs in a row: alarms fed from ${s.region} are blind.`;
    case 'finality-lagging':
      return `${who} finalized head more than ${finalityLimitSeconds(network!)} s behind its head.`;
    case 'finality-stalled':
      return `${s.network}: the finalized head lags more than ${finalityLimitSeconds(network!)} s on every endpoint — finality looks stalled.`;
    case 'slow-blocks':
      return `${s.network}: blocks more than ${cadenceLimitSeconds(network!)} s apart (expected about ${network!.blockTimeSeconds} s).`;
    case 'cadence-anomaly':
      return `${s.network}: the block interval is above its usual band (anomaly detection on its own history).`;
    case 'late-blocks':
      return `${who} receives new blocks more than ${arrivalLimitMs(network!)} ms after the fastest endpoint (median).`;
    case 'addresses':
      return `${who}: at least one of the host's addresses fails or lags while another answers, for 3 probe runs in a row (customers behind DNS round-robin hit it in turn).`;
    case 'maintenance':
      return `${scope}: in ALARM while a maintenance window covers it; the composite alarms it suppresses hold their notifications.`;
    case 'health':
      return `${scope} has a critical problem: an outage, an exposed endpoint or a stalled chain. The notification names the alarm that fired.`;
    case 'warnings':
      return `${scope} has a warning: regional trouble, lag, a failing address, a certificate or key near expiry, or slow blocks. The notification names the alarm that fired.`;
  }
}

/** Fleet alarms watch every endpoint of an alarm group; each endpoint is a contributor with its own state and notification. */
function fleetSentence(alarm: PlannedAlarm, ctx: AlarmTextContext): string {
  const s = alarm.subject;
  const c = alarm.condition;
  const count = c.type === 'insights' ? c.series : 0;
  const per = `one contributor per endpoint of alarm group ${s.group} (${count}); the notification names the endpoint (Network, Endpoint)`;
  const outage = ctx.config.alerting.outageRegions;
  switch (s.kind) {
    case 'outage':
      return `An endpoint is down from at least ${outage} of ${ctx.config.probe.regions.length} regions: ${per}.`;
    case 'regional':
      return `An endpoint is down from at least one region (during an outage too): ${per}.`;
    case 'lagging':
      return `An endpoint lags behind its network's reference height: ${per}.`;
    case 'tls-expiry':
      return `An endpoint's TLS certificate expires in less than ${s.warnDays} days: ${per}.`;
    case 'exposure':
      return `An endpoint answers what must not face the internet (admin API, or a private endpoint): ${per}.`;
    case 'finality-lagging':
      return `An endpoint's finalized head lags too far behind its head: ${per}.`;
    case 'late-blocks':
      return `An endpoint receives new blocks late compared with its peers: ${per}.`;
    case 'addresses':
      return `One of an endpoint's addresses fails or lags while another answers: ${per}.`;
    default:
      return `${s.kind}: ${per}.`;
  }
}

function runbook(alarm: PlannedAlarm, ctx: AlarmTextContext): string {
  const s = alarm.subject;
  switch (s.kind) {
    case 'outage':
      return 'customers are affected. The probe log line (JSON report) in each region has the reason code (dns_failed, tls_failed, timeout, wrong_chain, stale_head, ...); reproduce with `vantage check --config <file>`. Check the node, its load balancer, DNS and certificate.';
    case 'regional':
      return 'compare "Up by region" on the dashboard to find the region; suspect DNS/anycast/CDN routing or a regional edge. Reproduce with `vantage check --config <file> --region <name>` from a host there.';
    case 'lagging':
      return 'the node is falling behind: check its peer count, disk I/O and CPU, and its sync logs; take it out of the load balancer until it catches up.';
    case 'stale-head':
      return 'compare with a public explorer. If the chain moves, all your nodes share a fault (peers, upstream, clock); if it does not, follow the network\'s status channel.';
    case 'tls-expiry':
      return 'renew and deploy the certificate; check why automatic renewal (ACME) did not. Days left are on the dashboard.';
    case 'exposure':
      return 'close it now: firewall or security group for a private endpoint; remove admin/personal/debug namespaces from the node\'s public API (e.g. --http.api). Then rotate anything the exposed API could reveal.';
    case 'partkey-expiry':
      return 'generate and register a new participation key (goal account addpartkey, then goal account changeonlinestatus) before the current one expires.';
    case 'heartbeat':
      return s.everything
        ? 'open the region\'s heartbeat alarm; its description has the runbook.'
        : `check the ${s.region} probe function's errors and logs (stack ${probeStackName(ctx.config.namespace, s.region!)}): AssumeRole denied, throttling, timeouts. Its endpoint metrics are missing, not down.`;
    case 'finality-lagging':
    case 'finality-stalled':
      return 'compare the node\'s finalized block with a public explorer; a lagging finalized head means the node or its consensus client is behind (check the beacon or finality gadget and its peers).';
    case 'slow-blocks':
    case 'cadence-anomaly':
      return 'compare the network\'s block times with a public explorer: if the whole chain slowed, follow its status channel; if only your nodes see it, check their peers.';
    case 'late-blocks':
      return 'the node hears of new blocks later than its peers: check its peer count and network path; compare ArrivalDelay by region on the dashboard.';
    case 'addresses':
      return 'the probe log line (JSON report) names each failing address and its reason code (address_unhealthy); take that backend out of DNS or fix it (a stale node behind round-robin, a broken IPv6 path). Reproduce with `vantage check --config <file>`.';
    case 'maintenance':
      return 'nothing to do: it is driven by the config\'s maintenance windows (the probes publish Maintenance while one is open).';
    case 'health':
    case 'warnings':
      return 'open the named alarm; its description has the runbook. The composite stays in ALARM while any of its alarms does.';
  }
}

function endpointOf(network: ResolvedNetwork, id: string) {
  return network.endpoints.find((e) => e.id === id)!;
}
