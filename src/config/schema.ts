// The vantage.yaml schema: the single source of truth for what a config may say.
// Every object is strict (unknown keys are errors: a typo must not silently
// disable a check). Cross-field rules (unique ids, secret references, caFile)
// live in validate.ts so this file stays representable as JSON Schema.
//
// Every key carries a .describe() text and, where one applies, .meta({ default })
// with the value applyDefaults() uses, or .meta({ examples }): `vantage schema`
// and docs/config.md (`npm run docs:config`) are generated from them.
import { z } from 'zod';
import { PUT_METRIC_DATA } from './aws-limits.ts';
import { CHAIN_FAMILIES, FAMILY_DEFAULTS, type ChainFamily } from './families.ts';
import { resolverAddressProblem } from './resolver-address.ts';
import { DEFAULTS, MAX_ADDRESSES_PER_ENDPOINT } from './defaults.ts';
import { fixedRateSeconds, MAX_SCHEDULE_SECONDS, SCHEDULE_PATTERN } from './schedule.ts';

/**
 * Longest probe budget and slow threshold. Node's timers overflow past
 * 2^31-1 ms (a later value fires after 1 ms); a probe of a few minutes
 * is a misconfiguration anyway, and the probe function has to finish.
 */
export const MAX_PROBE_MS = 120_000;
/** Upper bounds of the other durations, each far beyond any real setting and far below the timer limit. */
const MAX_BLOCK_TIME_SECONDS = 3_600;
const MAX_HEAD_AGE_SECONDS = 604_800;
const MAX_WARN_DAYS = 3_650;
/** A chain at a hundredth of its cadence has long been stale; a larger factor can only hide it. */
const MAX_CADENCE_FACTOR = 100;
/** The longest retention CloudWatch Logs offers (10 years). */
const MAX_RETENTION_DAYS = 3_653;
/**
 * Block arrival watch (DESIGN.md, "Block arrival latency"): the window is
 * waited out by every run, on top of the probes, so it stays short.
 */
export const ARRIVAL_WINDOW_SECONDS = { min: 1, max: 50 } as const;

const positiveInt = (what: string) =>
  z.number({ error: `must be a number (${what})` }).int({ error: `must be a whole number (${what})` }).positive({ error: `must be greater than 0 (${what})` });

const positiveNumber = (what: string) =>
  z.number({ error: `must be a number (${what})` }).positive({ error: `must be greater than 0 (${what})` }).finite();

const atMost = (max: number, what: string) => ({ error: `must be at most ${max} (${what})` });

const milliseconds = () => positiveInt('milliseconds').max(MAX_PROBE_MS, atMost(MAX_PROBE_MS, 'milliseconds'));
const days = () => positiveNumber('days').max(MAX_WARN_DAYS, atMost(MAX_WARN_DAYS, 'days'));

/** Per-endpoint settings that `defaults` sets for every endpoint. */
const timeoutMs = () => milliseconds().optional()
  .describe('time budget of one probe of an endpoint, from DNS to the last byte, in milliseconds; past it the probe is timeout (down)')
  .meta({ default: DEFAULTS.timeoutMs });
const maxResponseBytes = () => positiveInt('bytes').optional()
  .describe('largest response body read, in bytes; a larger one is response_too_large (down)')
  .meta({ default: DEFAULTS.maxResponseBytes });
const slowMs = () => milliseconds().optional()
  .describe('time to first byte above this many milliseconds is slow (degraded)')
  .meta({ default: DEFAULTS.slowMs });
const tlsWarnDays = () => days().optional()
  .describe('a certificate that expires within this many days is cert_expiring (degraded)')
  .meta({ default: DEFAULTS.tlsWarnDays });

const nonEmpty = z.string({ error: 'must be a string' }).min(1, { error: 'must not be empty' });

/** Ids end up in CloudWatch dimensions, alarm names and URLs: keep them plain. */
export const idSchema = z
  .string({ error: 'must be a string' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, {
    error: 'must be 1-64 characters of letters, digits, ".", "_" or "-", starting with a letter or digit',
  });

/** A string that may hold `${env:…}`, `${ssm:…}` or `${secretsmanager:…}` references. */
const secretable = z.string({ error: 'must be a string' });

const tlsDefaults = z.strictObject({
  warnDays: tlsWarnDays(),
});

const endpointTls = z.strictObject({
  warnDays: tlsWarnDays().describe('overrides defaults.tls.warnDays for this endpoint'),
  caFile: nonEmpty.optional().describe('PEM file with the CA certificate(s) to trust for this endpoint instead of the system store (relative to the config file)')
    .meta({ examples: ['private-ca.pem'] }),
  serverName: nonEmpty.optional().describe('TLS SNI and certificate name to check, when it differs from the URL host')
    .meta({ examples: ['rpc.internal.example.com'] }),
  insecureSkipVerify: z.boolean({ error: 'must be true or false' }).optional()
    .describe('send the request even when the certificate does not verify (still reported as trusted: false); for test nodes only')
    .meta({ default: false }),
});

const endpointBase = {
  id: idSchema.describe('endpoint id, unique within its network: a metric dimension, in alarm names and on the status page')
    .meta({ examples: ['rpc-1'] }),
  url: secretable.describe('http(s) URL of the node API, or ws(s) for a WebSocket endpoint (evm, substrate and solana networks); may contain secret references')
    .meta({ examples: ['https://rpc.example.com/v3/${env:RPC_KEY}'] }),
  reference: z.boolean({ error: 'must be true or false' }).optional().describe('used for agreement only; not alarmed, not on the status page').meta({ default: false }),
  visibility: z.enum(['public', 'private'], { error: 'must be "public" or "private"' }).optional()
    .describe('private: the endpoint must NOT answer from the probe\'s vantage point; answering at all is exposed_private_endpoint (degraded)')
    .meta({ default: 'public' }),
  headers: z.record(z.string(), secretable).optional().describe('HTTP headers sent with every request; values may contain secret references')
    .meta({ examples: [{ 'X-Api-Key': '${ssm:/vantage/rpc-key}' }] }),
  basicAuth: z.strictObject({
    username: secretable.describe('user name; may contain secret references').meta({ examples: ['vantage'] }),
    password: secretable.describe('password; may contain secret references').meta({ examples: ['${secretsmanager:vantage/rpc-password}'] }),
  }).optional().describe('HTTP Basic authentication sent with every request'),
  timeoutMs: timeoutMs().describe('overrides defaults.timeoutMs for this endpoint'),
  maxResponseBytes: maxResponseBytes().describe('overrides defaults.maxResponseBytes for this endpoint'),
  slowMs: slowMs().describe('overrides defaults.slowMs for this endpoint'),
  tls: endpointTls.optional().describe('certificate checks of this endpoint'),
  addresses: z.enum(['all', 'first'], { error: 'must be "all" or "first"' }).optional()
    .describe(`which of the host's addresses are probed, each on its own connection: all (the first ${MAX_ADDRESSES_PER_ENDPOINT}, IPv4 then IPv6; one failing or lagging is address_unhealthy) or first (only the first)`)
    .meta({ default: DEFAULTS.addresses }),
  allowLiteralSecrets: z.boolean({ error: 'must be true or false' }).optional()
    .describe('let cdk synth deploy values of this endpoint that look like credentials written literally (they are not secrets, or you accept them in the probe bundle); check and run stop warning about them')
    .meta({ default: false }),
};

export const endpointSchema = z.strictObject(endpointBase);

export const httpJsonEndpointSchema = z.strictObject({
  ...endpointBase,
  heightPointer: z.string({ error: 'is required for http-json endpoints (a JSON Pointer such as /result/number)' })
    .regex(/^(\/[^/]*)+$/, { error: 'must be a JSON Pointer such as /result/number' })
    .describe('JSON Pointer (RFC 6901) to the block height in the response: a number, a decimal string or a 0x hex string')
    .meta({ examples: ['/result/height'] }),
  timePointer: z.string().regex(/^(\/[^/]*)+$/, { error: 'must be a JSON Pointer such as /result/timestamp' }).optional()
    .describe('JSON Pointer to the newest block\'s time (Unix seconds or milliseconds, or an ISO 8601 date); without it the head age is not judged')
    .meta({ examples: ['/result/time'] }),
  method: z.enum(['GET', 'POST'], { error: 'must be GET or POST' }).optional()
    .describe('HTTP method of the request; default POST when a body is given, GET otherwise')
    .meta({ examples: ['POST'] }),
  body: z.union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown())], { error: 'must be a string, a mapping or a list' }).optional()
    .describe('request body for POST: a string, or a mapping or list sent as JSON')
    .meta({ examples: [{ method: 'head' }] }),
});

const accountSchema = z.strictObject({
  address: z.string().regex(/^[A-Z2-7]{58}$/, { error: 'must be a 58-character Algorand address' }).describe('58-character Algorand account address')
    .meta({ examples: ['WHNXGKYOVIQADYS4VTYBG6SGWFIG6235C5LMXM76J3LHE475QJLIHUC5KY'] }),
  warnDays: days().optional()
    .describe('a participation key that expires within this many days, or an account that is not Online, is partkey_expiring (degraded)')
    .meta({ default: DEFAULTS.accountWarnDays }),
});

const networkBase = {
  id: idSchema.describe('network id, unique in the file: a metric dimension, in alarm names and on the status page')
    .meta({ examples: ['eth-main'] }),
  blockTimeSeconds: positiveNumber('seconds').max(MAX_BLOCK_TIME_SECONDS, atMost(MAX_BLOCK_TIME_SECONDS, 'seconds')).optional()
    .describe('expected seconds between blocks; default: the family\'s (see "Family defaults")')
    .meta({ examples: [12] }),
  maxLagBlocks: positiveInt('blocks').optional()
    .describe('blocks an endpoint may be behind the reference height before it is lagging (degraded); default max(1, ⌈30 / blockTimeSeconds⌉)')
    .meta({ examples: [3] }),
  maxHeadAgeSeconds: positiveNumber('seconds').max(MAX_HEAD_AGE_SECONDS, atMost(MAX_HEAD_AGE_SECONDS, 'seconds')).optional()
    .describe('a newest block older than this many seconds is stale_head (down); default: the family\'s (see "Family defaults")')
    .meta({ examples: [120] }),
  arrival: z.strictObject({
    windowSeconds: z.number({ error: 'must be a number (seconds)' })
      .min(ARRIVAL_WINDOW_SECONDS.min, { error: `must be at least ${ARRIVAL_WINDOW_SECONDS.min} (seconds)` })
      .max(ARRIVAL_WINDOW_SECONDS.max, atMost(ARRIVAL_WINDOW_SECONDS.max, 'seconds'))
      .describe('how long every run watches the endpoints for new blocks, after the regular probes; each run (and the probe function) takes this much longer')
      .meta({ examples: [20] }),
    maxDelayMs: milliseconds().optional()
      .describe('median delay, in milliseconds, after the fastest endpoint above which an endpoint is late_blocks (degraded); must be below the window; default max(1000, 250 × blockTimeSeconds)')
      .meta({ examples: [3000] }),
  }).optional()
    .describe('opt-in block arrival latency: after the probes, every non-private endpoint is watched at once for new blocks, each on one kept-alive connection, and timed against the fastest (docs/arrival.md)'),
};

/**
 * Families whose finality is judged (evm, substrate, solana) take
 * maxFinalityLagSeconds; families whose probe reads a recent block interval
 * take cadenceFactor. Elsewhere the key would do nothing, so it is an
 * unknown key there, not a silent no-op.
 */
const finalityKeys = (chain: ChainFamily) => ({
  maxFinalityLagSeconds: positiveNumber('seconds').max(MAX_HEAD_AGE_SECONDS, atMost(MAX_HEAD_AGE_SECONDS, 'seconds')).optional()
    .describe('a finalized head further behind the head than this many seconds is finality_lagging (degraded); seconds from the two blocks\' timestamps where the family has them (evm), else blocks (solana: slots) × blockTimeSeconds')
    .meta({ default: FAMILY_DEFAULTS[chain].maxFinalityLagSeconds }),
});
const cadenceKeys = () => ({
  cadenceFactor: z.number({ error: 'must be a number (times blockTimeSeconds)' }).gt(1, { error: 'must be greater than 1 (times blockTimeSeconds)' })
    .max(MAX_CADENCE_FACTOR, atMost(MAX_CADENCE_FACTOR, 'times blockTimeSeconds')).optional()
    .describe('a recent block interval (mean over the last 32 blocks, fewer near genesis) over cadenceFactor × blockTimeSeconds is slow_blocks (degraded)')
    .meta({ default: DEFAULTS.cadenceFactor }),
});

const family = <T extends string>(name: T) =>
  z.literal(name).describe('the chain family: what the probe asks the node and how it reads the answer');

const endpoints = <T extends z.ZodType>(endpoint: T) =>
  z.array(endpoint, { error: 'must be a list of endpoints' }).min(1, { error: 'must list at least one endpoint' })
    .describe('the node API endpoints of this network');

/** Chain identity every endpoint must report; a different one is wrong_chain (down). */
const expectIdentity = <T extends z.core.$ZodLooseShape>(shape: T) =>
  z.strictObject(shape).optional().describe('chain identity every endpoint must report; a different one is wrong_chain (down)');

const hexHash = z.string().regex(/^0x[0-9a-fA-F]{64}$/, { error: 'must be a 0x-prefixed 32-byte hex hash' });

const evmNetwork = z.strictObject({
  ...networkBase,
  chain: family('evm'),
  ...finalityKeys('evm'),
  ...cadenceKeys(),
  expect: expectIdentity({ chainId: z.number().int().positive({ error: 'must be a positive decimal chain id' }).optional().describe('EIP-155 chain id as a decimal number (eth_chainId)').meta({ examples: [1] }) }),
  endpoints: endpoints(endpointSchema),
});

const algorandNetwork = z.strictObject({
  ...networkBase,
  chain: family('algorand'),
  ...cadenceKeys(),
  expect: expectIdentity({
    genesisId: nonEmpty.optional().describe('genesis id from /v2/transactions/params').meta({ examples: ['mainnet-v1.0'] }),
    genesisHash: nonEmpty.optional().describe('base64 genesis hash from /v2/transactions/params').meta({ examples: ['wGHE2Pwdvd7S12BL5FaOP20EGYesN73ktiC1qzkkit8='] }),
  }),
  endpoints: endpoints(endpointSchema),
  accounts: z.array(accountSchema).optional().describe('accounts whose participation keys are watched (metric PartKeyDaysToExpiry)'),
});

const substrateNetwork = z.strictObject({
  ...networkBase,
  chain: family('substrate'),
  ...finalityKeys('substrate'),
  expect: expectIdentity({ genesisHash: hexHash.optional().describe('0x-prefixed genesis block hash (chain_getBlockHash(0))')
    .meta({ examples: ['0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3'] }) }),
  endpoints: endpoints(endpointSchema),
});

const cometbftNetwork = z.strictObject({
  ...networkBase,
  chain: family('cometbft'),
  ...cadenceKeys(),
  expect: expectIdentity({ network: nonEmpty.optional().describe('node_info.network from /status').meta({ examples: ['cosmoshub-4'] }) }),
  endpoints: endpoints(endpointSchema),
});

const bitcoinNetwork = z.strictObject({
  ...networkBase,
  chain: family('bitcoin'),
  ...cadenceKeys(),
  expect: expectIdentity({ chain: nonEmpty.optional().describe('chain from getblockchaininfo: main, test, testnet4, signet, regtest').meta({ examples: ['main'] }) }),
  endpoints: endpoints(endpointSchema),
});

const solanaNetwork = z.strictObject({
  ...networkBase,
  chain: family('solana'),
  ...finalityKeys('solana'),
  ...cadenceKeys(),
  expect: expectIdentity({ genesisHash: nonEmpty.optional().describe('base58 genesis hash (getGenesisHash)').meta({ examples: ['5eykt4UsFv8P8NJdTREpY1vzqKqZKvdpKuc147dw2N9d'] }) }),
  endpoints: endpoints(endpointSchema),
});

const httpJsonNetwork = z.strictObject({
  ...networkBase,
  chain: family('http-json'),
  endpoints: endpoints(httpJsonEndpointSchema),
});

export const networkSchema = z.discriminatedUnion('chain', [
  algorandNetwork, evmNetwork, substrateNetwork, cometbftNetwork, bitcoinNetwork, solanaNetwork, httpJsonNetwork,
], {
  // zod reports a network that is not a mapping with the union's message too.
  error: (issue) => (issue.code as string) === 'invalid_type'
    ? 'must be a mapping with id, chain and endpoints'
    : `chain must be one of ${CHAIN_FAMILIES.join(', ')}`,
});

/** ISO-8601 in UTC, to the minute at least: 2026-12-08T10:00Z, 2026-12-08T10:00:00Z, …:00.000Z. */
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/;

/** The text names a real instant: Date.parse would roll 2026-02-30 over to March. */
function isRealUtcTime(text: string): boolean {
  const ms = Date.parse(text);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 16) === text.slice(0, 16);
}

const utcTime = (what: string) => z.string({ error: `must be an ISO-8601 UTC time such as 2026-12-08T10:00:00Z (${what})` })
  .regex(ISO_UTC, { error: `must be an ISO-8601 UTC time such as 2026-12-08T10:00:00Z, ending in Z (${what})`, abort: true })
  .refine(isRealUtcTime, { error: `is not a real date and time (${what})` });

const maintenanceSchema = z.strictObject({
  id: idSchema.describe('names the window in the feed (Statuspage scheduled_maintenances) and in alarm suppressions; unique')
    .meta({ examples: ['node-upgrade-2026-12'] }),
  title: nonEmpty.max(200, { error: 'must be at most 200 characters' }).describe('what the public page and feeds say the work is')
    .meta({ examples: ['Upgrading the RPC nodes to v1.14'] }),
  start: utcTime('start').describe('when the window opens (inclusive), UTC').meta({ examples: ['2026-12-08T10:00:00Z'] }),
  end: utcTime('end').describe('when it closes (exclusive), UTC; after start').meta({ examples: ['2026-12-08T11:00:00Z'] }),
  networks: z.array(idSchema, { error: 'must be a list of network ids' }).min(1, { error: 'must list at least one network (or leave it out)' }).optional()
    .describe('networks covered whole; with neither networks nor endpoints the window covers everything')
    .meta({ examples: [['evm-main']] }),
  endpoints: z.array(
    z.string({ error: 'must be "network/endpoint"' }).regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}\/[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { error: 'must be "network/endpoint", e.g. eth-main/rpc-2' }),
    { error: 'must be a list of "network/endpoint" names' },
  ).min(1, { error: 'must list at least one endpoint (or leave it out)' }).optional()
    .describe('single endpoints covered, as "network/endpoint"')
    .meta({ examples: [['evm-main/rpc-1']] }),
});

export const configSchema = z.strictObject({
  $schema: z.string().optional().describe('editor hint (path or URL of the JSON Schema from `vantage schema`); ignored')
    .meta({ examples: ['vantage.schema.json'] }),
  version: z.literal(1, { error: 'must be 1' }).describe('version of the file format; must be 1'),
  defaults: z.strictObject({
    timeoutMs: timeoutMs(),
    maxResponseBytes: maxResponseBytes(),
    slowMs: slowMs(),
    tls: tlsDefaults.optional().describe('certificate checks'),
  }).optional().describe('settings every endpoint inherits unless it sets its own'),
  probe: z.strictObject({
    concurrency: positiveInt('parallel probes').max(1024, { error: 'must be at most 1024' }).optional()
      .describe('endpoints probed at the same time by one invocation')
      .meta({ default: DEFAULTS.concurrency }),
    schedule: z.string().regex(SCHEDULE_PATTERN, {
      error: 'must be an EventBridge expression such as "rate(1 minute)" or "cron(0/5 * * * ? *)"',
    }).refine(rateWithinBounds, { error: `must be a rate of 1 minute to ${MAX_SCHEDULE_SECONDS / 3600} hours` }).optional()
      .describe(`EventBridge schedule of the probe rounds: rate(N minutes|hours), at most ${MAX_SCHEDULE_SECONDS / 3600} hours, or cron(...); \`vantage run\` follows a rate and needs --interval for a cron`)
      .meta({ default: DEFAULTS.schedule }),
    regions: z.array(z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, { error: 'must be an AWS region name such as eu-west-1' }))
      .min(1, { error: 'must list at least one region' }).optional()
      .describe('AWS regions the probes run in, one probe stack each; required by cdk synth')
      .meta({ examples: [['us-east-1', 'eu-west-1', 'ap-southeast-1']] }),
    everySeconds: z.union([z.literal(10), z.literal(30), z.literal(60)], { error: 'must be 10, 30 or 60' }).optional()
      .describe('seconds between probe rounds: below 60 the once-a-minute invocation runs 60 / everySeconds rounds, published as high-resolution metrics, and the outage, regional, lagging and stale-head alarms evaluate at that period (needs schedule rate(1 minute))')
      .meta({ default: DEFAULTS.everySeconds }),
    shards: positiveInt('invocations per tick').max(100, { error: 'must be at most 100' }).optional()
      .describe('invocations per region and tick, each probing a stable slice of the endpoints (for large fleets)')
      .meta({ default: DEFAULTS.shards }),
    resolvers: z.array(
      z.string({ error: 'must be a string' }).superRefine((text, ctx) => {
        const problem = resolverAddressProblem(text);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
      { error: 'must be a list of DNS server addresses' },
    ).min(1, { error: "must list at least one DNS server (leave probe.resolvers out to use the system's)" }).optional()
      .describe("DNS servers asked for every endpoint host (IP with optional port, e.g. 1.1.1.1, 8.8.8.8:53, [::1]:53); default: the system's, as read where the probe runs")
      .meta({ examples: [['1.1.1.1', '8.8.8.8:53']] }),
    ipv6: z.enum(['auto', 'on', 'off'], { error: 'must be "auto", "on" or "off"' }).optional()
      .describe('IPv6 addresses: auto probes them and skips one with no route from where the probe runs (a Lambda outside a VPC has no IPv6); on judges no route as no_route (down); off does not ask for AAAA records')
      .meta({ default: DEFAULTS.ipv6 }),
  }).optional().describe('when and where the probes run'),
  metrics: z.strictObject({
    detail: z.enum(['standard', 'full'], { error: 'must be "standard" or "full"' }).optional()
      .describe('full adds the DNS, connect and TLS phase timings as metrics (more custom metrics, more cost)')
      .meta({ default: DEFAULTS.metricsDetail }),
  }).optional().describe('CloudWatch metrics'),
  logs: z.strictObject({
    retentionDays: positiveInt('days').max(MAX_RETENTION_DAYS, atMost(MAX_RETENTION_DAYS, 'days')).optional()
      .describe('days CloudWatch Logs keeps the functions\' logs: one of the values CloudWatch accepts (1, 3, 5, 7, 14, 30, 60, 90, …; checked by cdk synth)')
      .meta({ default: DEFAULTS.retentionDays }),
  }).optional().describe('the Lambda functions\' logs'),
  central: z.strictObject({
    account: z.string({ error: 'must be a 12-digit AWS account id in quotes' }).regex(/^\d{12}$/, { error: 'must be a 12-digit AWS account id' })
      .describe('12-digit AWS account id, in quotes')
      .meta({ examples: ['111111111111'] }),
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, { error: 'must be an AWS region name such as us-east-1' })
      .describe('the home region: metrics are published and alarmed there')
      .meta({ examples: ['us-east-1'] }),
    namespace: z.string().regex(new RegExp(`^[A-Za-z0-9._/#:-]{1,${PUT_METRIC_DATA.maxNamespaceLength}}$`), { error: 'must be a CloudWatch namespace (letters, digits, . _ / # : -)' })
      .refine((s) => !s.startsWith('AWS/'), { error: 'must not start with "AWS/" (reserved by AWS)' })
      .refine((s) => !s.startsWith(':'), { error: 'must not start with ":" (CloudWatch rejects it)' }).optional()
      .describe('CloudWatch namespace of the metrics; not starting with "AWS/" or ":"')
      .meta({ default: DEFAULTS.namespace }),
  }).optional().describe('the account and region that hold metrics, alarms, dashboard and status page; required by cdk synth'),
  alerting: z.strictObject({
    outageRegions: positiveInt('regions').optional()
      .describe(`regions that must see an endpoint down before the outage alarm fires; default ${DEFAULTS.outageRegions}, or the number of regions when fewer; at most that number`)
      .meta({ default: DEFAULTS.outageRegions }),
    email: z.array(z.email({ error: 'must be an email address' })).optional()
      .describe('addresses subscribed to the alarm topics (each confirms the subscription by email)')
      .meta({ examples: [['ops@example.com']] }),
    httpsSubscriptions: z.array(secretable).optional()
      .describe('https URLs subscribed to the alarm topics (e.g. an incident tool\'s CloudWatch integration); may contain secret references')
      .meta({ examples: [['https://events.example.com/integration/${ssm:/vantage/alert-key}/enqueue']] }),
  }).optional().describe('who is told when an alarm fires'),
  status: z.strictObject({
    title: nonEmpty.optional().describe('title of the status page and feeds').meta({ default: DEFAULTS.statusTitle }),
  }).optional().describe('the public status page'),
  networks: z.array(networkSchema, { error: 'must be a list of networks' }).min(1, { error: 'must list at least one network' })
    .describe('the chains to watch, each with its endpoints'),
  maintenance: z.array(maintenanceSchema, { error: 'must be a list of maintenance windows' }).optional()
    .describe('planned work: inside a window the covered components show under_maintenance, no incident opens, no alarm notifies, and uptime leaves the window out'),
});

/** rate(N unit) from 1 minute to MAX_SCHEDULE_SECONDS; cron() is EventBridge's to judge. */
function rateWithinBounds(schedule: string): boolean {
  const seconds = fixedRateSeconds(schedule);
  return seconds === null || (seconds >= 60 && seconds <= MAX_SCHEDULE_SECONDS);
}

export type ConfigInput = z.infer<typeof configSchema>;
export type NetworkInput = z.infer<typeof networkSchema>;
export type EndpointInput = z.infer<typeof endpointSchema> & Partial<Omit<z.infer<typeof httpJsonEndpointSchema>, keyof typeof endpointBase>>;
