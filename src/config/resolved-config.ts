// Defaults are applied here and only here: everything downstream reads a
// ResolvedConfig in which every setting has its effective value.
import { isAbsolute, resolve } from 'node:path';
import { defaultMaxDelayMs, defaultMaxLagBlocks, FAMILY_DEFAULTS, type ChainFamily } from './families.ts';
import type { LoadedConfig } from './load.ts';
import type { ResolvedMaintenance } from './maintenance.ts';
import type { ConfigInput, EndpointInput, NetworkInput } from './schema.ts';
import { DEFAULTS, MIN_SUBSCRIPTION_WINDOW_MS } from './defaults.ts';

export interface ResolvedTls {
  readonly warnDays: number;
  /** Absolute path, or null for the system trust store. */
  readonly caFile: string | null;
  readonly serverName: string | null;
  readonly insecureSkipVerify: boolean;
}

export interface HttpJsonSettings {
  readonly heightPointer: string;
  readonly timePointer: string | null;
  readonly method: 'GET' | 'POST';
  readonly body: string | null;
}

/** How the endpoint is spoken to: HTTP requests, or JSON-RPC frames over one WebSocket (ws:// and wss:// URLs). */
export type EndpointTransport = 'http' | 'websocket';

export interface ResolvedEndpoint {
  readonly id: string;
  /** May still hold secret references until resolveSecrets() ran. */
  readonly url: string;
  readonly transport: EndpointTransport;
  /** Probe every resolved address (at most 8) or only the first. */
  readonly addresses: 'all' | 'first';
  /**
   * WebSocket endpoints: how long the subscription's first notification may
   * take, max(5 s, 2 × blockTimeSeconds), on top of timeoutMs (the probe's
   * whole budget is timeoutMs + this). null for http(s) and private endpoints.
   */
  readonly subscriptionWindowMs: number | null;
  readonly reference: boolean;
  readonly visibility: 'public' | 'private';
  readonly headers: Readonly<Record<string, string>>;
  readonly basicAuth: { readonly username: string; readonly password: string } | null;
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
  readonly slowMs: number;
  readonly tls: ResolvedTls;
  readonly httpJson: HttpJsonSettings | null;
  /**
   * Set by resolveReferences when a secret reference this endpoint needs could
   * not be read: one message per reference. Such an endpoint is not probed.
   */
  readonly unresolvedSecrets?: readonly string[];
  /** `cdk synth` may deploy literal credentials of this endpoint (literal-secrets.ts). */
  readonly allowLiteralSecrets: boolean;
}

export interface ResolvedAccount {
  readonly address: string;
  readonly warnDays: number;
}

/** Block arrival latency watch (opt-in per network). */
export interface ResolvedArrival {
  readonly windowSeconds: number;
  /** Median delay after the fastest endpoint above which an endpoint is late_blocks. */
  readonly maxDelayMs: number;
}

export interface ResolvedNetwork {
  readonly id: string;
  readonly chain: ChainFamily;
  readonly blockTimeSeconds: number;
  readonly maxLagBlocks: number;
  /** null: the family reports no head time, so staleness is not judged. */
  readonly maxHeadAgeSeconds: number | null;
  /** null: finality is instant or unreadable in this family, so it is not judged. */
  readonly maxFinalityLagSeconds: number | null;
  /** null: the family's probe reads no block interval (substrate, http-json), so cadence is not judged. */
  readonly cadenceFactor: number | null;
  /** Chain identity the endpoints must report (family-specific keys). */
  readonly expect: Readonly<Record<string, string | number>>;
  readonly endpoints: readonly ResolvedEndpoint[];
  readonly accounts: readonly ResolvedAccount[];
  /** null: arrival is not watched on this network. */
  readonly arrival: ResolvedArrival | null;
}

export interface ResolvedConfig {
  readonly probe: {
    readonly concurrency: number;
    readonly schedule: string;
    /** Seconds between probe rounds: 60 / everySeconds rounds per invocation (10, 30 or 60). */
    readonly everySeconds: 10 | 30 | 60;
    readonly regions: readonly string[];
    readonly shards: number;
    /**
     * DNS servers asked for endpoint hosts (setServers form). null: the
     * system's, read where the probe runs (a Lambda's are not the synth
     * machine's), so it cannot be filled in here.
     */
    readonly resolvers: readonly string[] | null;
    /** IPv6 addresses: probed, no route skipped (auto); no route is no_route (on); AAAA not asked (off). */
    readonly ipv6: 'auto' | 'on' | 'off';
  };
  readonly metrics: { readonly detail: 'standard' | 'full' };
  readonly logs: { readonly retentionDays: number };
  readonly central: { readonly account: string; readonly region: string; readonly namespace: string } | null;
  readonly namespace: string;
  readonly alerting: {
    readonly outageRegions: number;
    readonly email: readonly string[];
    readonly httpsSubscriptions: readonly string[];
  };
  readonly status: { readonly title: string };
  readonly networks: readonly ResolvedNetwork[];
  /** Planned work windows, in config order (src/config/maintenance.ts reads them). */
  readonly maintenance: readonly ResolvedMaintenance[];
}

export function applyDefaults(loaded: LoadedConfig): ResolvedConfig {
  const input = loaded.input;
  const d = input.defaults ?? {};
  const regions = input.probe?.regions ?? [];
  const namespace = input.central?.namespace ?? DEFAULTS.namespace;
  const endpointDefaults = {
    timeoutMs: d.timeoutMs ?? DEFAULTS.timeoutMs,
    maxResponseBytes: d.maxResponseBytes ?? DEFAULTS.maxResponseBytes,
    slowMs: d.slowMs ?? DEFAULTS.slowMs,
    warnDays: d.tls?.warnDays ?? DEFAULTS.tlsWarnDays,
  };
  return {
    probe: {
      concurrency: input.probe?.concurrency ?? DEFAULTS.concurrency,
      schedule: input.probe?.schedule ?? DEFAULTS.schedule,
      everySeconds: input.probe?.everySeconds ?? DEFAULTS.everySeconds,
      regions,
      shards: input.probe?.shards ?? DEFAULTS.shards,
      resolvers: input.probe?.resolvers ?? null,
      ipv6: input.probe?.ipv6 ?? DEFAULTS.ipv6,
    },
    metrics: { detail: input.metrics?.detail ?? DEFAULTS.metricsDetail },
    logs: { retentionDays: input.logs?.retentionDays ?? DEFAULTS.retentionDays },
    central: input.central ? { account: input.central.account, region: input.central.region, namespace } : null,
    namespace,
    alerting: {
      // With fewer regions than the default, "down everywhere" is the outage.
      outageRegions: input.alerting?.outageRegions ?? Math.max(1, Math.min(DEFAULTS.outageRegions, regions.length || DEFAULTS.outageRegions)),
      email: input.alerting?.email ?? [],
      httpsSubscriptions: input.alerting?.httpsSubscriptions ?? [],
    },
    status: { title: input.status?.title ?? DEFAULTS.statusTitle },
    networks: input.networks.map((n) => resolveNetwork(n, endpointDefaults, loaded.baseDir)),
    maintenance: (input.maintenance ?? []).map(resolveMaintenance),
  };
}

interface EndpointDefaults {
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
  readonly slowMs: number;
  readonly warnDays: number;
}

function resolveNetwork(network: NetworkInput, defaults: EndpointDefaults, baseDir: string): ResolvedNetwork {
  const family = FAMILY_DEFAULTS[network.chain];
  const blockTimeSeconds = network.blockTimeSeconds ?? family.blockTimeSeconds;
  const expect: Record<string, string | number> = {};
  if ('expect' in network && network.expect) {
    for (const [key, value] of Object.entries(network.expect)) if (value !== undefined) expect[key] = value;
  }
  return {
    id: network.id,
    chain: network.chain,
    blockTimeSeconds,
    maxLagBlocks: network.maxLagBlocks ?? defaultMaxLagBlocks(blockTimeSeconds),
    maxHeadAgeSeconds: network.maxHeadAgeSeconds ?? family.maxHeadAgeSeconds,
    maxFinalityLagSeconds: ('maxFinalityLagSeconds' in network ? network.maxFinalityLagSeconds : undefined) ?? family.maxFinalityLagSeconds,
    cadenceFactor: family.cadence ? (('cadenceFactor' in network ? network.cadenceFactor : undefined) ?? DEFAULTS.cadenceFactor) : null,
    expect,
    endpoints: (network.endpoints as EndpointInput[]).map((e) => resolveEndpoint(e, defaults, baseDir, blockTimeSeconds)),
    accounts: network.chain === 'algorand'
      ? (network.accounts ?? []).map((a) => ({ address: a.address, warnDays: a.warnDays ?? DEFAULTS.accountWarnDays }))
      : [],
    arrival: network.arrival
      ? { windowSeconds: network.arrival.windowSeconds, maxDelayMs: network.arrival.maxDelayMs ?? defaultMaxDelayMs(blockTimeSeconds) }
      : null,
  };
}

function resolveEndpoint(e: EndpointInput, d: EndpointDefaults, baseDir: string, blockTimeSeconds: number): ResolvedEndpoint {
  const caFile = e.tls?.caFile;
  const transport = transportOf(e.url);
  const visibility = e.visibility ?? 'public';
  return {
    id: e.id,
    url: e.url,
    transport,
    addresses: e.addresses ?? DEFAULTS.addresses,
    subscriptionWindowMs: transport === 'websocket' && visibility === 'public' ? subscriptionWindowMs(blockTimeSeconds) : null,
    reference: e.reference ?? false,
    visibility,
    headers: e.headers ?? {},
    basicAuth: e.basicAuth ?? null,
    timeoutMs: e.timeoutMs ?? d.timeoutMs,
    maxResponseBytes: e.maxResponseBytes ?? d.maxResponseBytes,
    slowMs: e.slowMs ?? d.slowMs,
    tls: {
      warnDays: e.tls?.warnDays ?? d.warnDays,
      caFile: caFile ? (isAbsolute(caFile) ? caFile : resolve(baseDir, caFile)) : null,
      serverName: e.tls?.serverName ?? null,
      insecureSkipVerify: e.tls?.insecureSkipVerify ?? false,
    },
    httpJson: e.heightPointer
      ? {
          heightPointer: e.heightPointer,
          timePointer: e.timePointer ?? null,
          method: e.method ?? (e.body !== undefined ? 'POST' : 'GET'),
          body: e.body === undefined ? null : typeof e.body === 'string' ? e.body : JSON.stringify(e.body),
        }
      : null,
    allowLiteralSecrets: e.allowLiteralSecrets ?? false,
  };
}

type MaintenanceInput = NonNullable<ConfigInput['maintenance']>[number];

function resolveMaintenance(m: MaintenanceInput): ResolvedMaintenance {
  const startMs = Date.parse(m.start);
  const endMs = Date.parse(m.end);
  return {
    id: m.id,
    title: m.title,
    start: new Date(startMs).toISOString(),
    end: new Date(endMs).toISOString(),
    startMs,
    endMs,
    networks: m.networks ?? null,
    endpoints: m.endpoints?.map((name) => {
      const [network, endpoint] = name.split('/') as [string, string];
      return { network, endpoint };
    }) ?? null,
  };
}

/** The scheme is literal in a valid config (validate.ts refuses a URL whose scheme is a secret reference). */
function transportOf(url: string): EndpointTransport {
  return /^wss?:/i.test(url) ? 'websocket' : 'http';
}

/** max(5 s, 2 × blockTimeSeconds): two blocks' time, and never so short that a fast chain's jitter reads as silence. */
export function subscriptionWindowMs(blockTimeSeconds: number): number {
  return Math.max(MIN_SUBSCRIPTION_WINDOW_MS, Math.round(2000 * blockTimeSeconds));
}

/** The longest one probe of the endpoint may take: its timeout, plus the subscription window for WebSocket endpoints. */
export function probeBudgetMs(endpoint: Pick<ResolvedEndpoint, 'timeoutMs' | 'subscriptionWindowMs'>): number {
  return endpoint.timeoutMs + (endpoint.subscriptionWindowMs ?? 0);
}
