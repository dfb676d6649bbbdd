// What the person on call reads: the alarm description says in one sentence
// what is wrong ("eth-main / rpc-1 down from at least 2 of 3 regions"), then
// what to look at first. Notifications carry it verbatim.
import type { ResolvedConfig, ResolvedNetwork } from '../../src/config/resolved-config.ts';
import type { PlannedAlarm } from '../../src/alarms/alarm-plan.ts';
import { ALARM_DESCRIPTION_MAX_LENGTH } from '../../src/config/aws-limits.ts';
import { alarmTuning } from '../../src/alarms/alarm-tuning.ts';

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
  const head = `${sentence(alarm, ctx)}\nRunbook: ${runbook(alarm)}`;
  const full = `${head}\nDashboard: ${ctx.dashboardUrl}`;
  if (full.length <= ALARM_DESCRIPTION_MAX_LENGTH) return full;
  if (head.length <= ALARM_DESCRIPTION_MAX_LENGTH) return head;
  return `${head.slice(0, ALARM_DESCRIPTION_MAX_LENGTH - 1)}…`;
}

function sentence(alarm: PlannedAlarm, ctx: AlarmTextContext): string {
  const s = alarm.subject;
  const regions = ctx.config.probe.regions;
  const outage = ctx.config.alerting.outageRegions;
  const who = `${s.network} / ${s.endpoint}`;
  const network = ctx.config.networks.find((n) => n.id === s.network);
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
      return `The ${s.region} probe has not reported for ${alarmTuning('heartbeat', 60).evaluationPeriods} runs in a row: alarms fed from ${s.region} are blind.`;
    case 'health':
      return `${s.network} has a critical problem: an outage, an exposed endpoint or a stalled chain. The notification names the alarm that fired.`;
  }
}

function runbook(alarm: PlannedAlarm): string {
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
      return `check the ${s.region} probe function's errors and logs (stack Vantage-Probe-${s.region}): AssumeRole denied, throttling, timeouts. Its endpoint metrics are missing, not down.`;
    case 'health':
      return 'open the named alarm; its description has the runbook. The network stays in ALARM while any critical alarm of it does.';
  }
}

function endpointOf(network: ResolvedNetwork, id: string) {
  return network.endpoints.find((e) => e.id === id)!;
}
