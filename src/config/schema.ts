// The vantage.yaml schema: the single source of truth for what a config may say.
// Every object is strict (unknown keys are errors: a typo must not silently
// disable a check). Cross-field rules (unique ids, secret references, caFile)
// live in validate.ts so this file stays representable as JSON Schema.
import { z } from 'zod';
import { CHAIN_FAMILIES } from './families.ts';
import { resolverAddressProblem } from './resolver-address.ts';
import { SCHEDULE_PATTERN } from './schedule.ts';

const positiveInt = (what: string) =>
  z.number({ error: `must be a number (${what})` }).int({ error: `must be a whole number (${what})` }).positive({ error: `must be greater than 0 (${what})` });

const positiveNumber = (what: string) =>
  z.number({ error: `must be a number (${what})` }).positive({ error: `must be greater than 0 (${what})` }).finite();

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
  warnDays: positiveNumber('days').optional(),
});

const endpointTls = z.strictObject({
  warnDays: positiveNumber('days').optional(),
  caFile: nonEmpty.optional().describe('PEM file with the CA certificate(s) to trust for this endpoint'),
  serverName: nonEmpty.optional().describe('TLS SNI and certificate name to check, when it differs from the URL host'),
  insecureSkipVerify: z.boolean({ error: 'must be true or false' }).optional(),
});

const endpointBase = {
  id: idSchema,
  url: secretable.describe('http(s) URL; may contain secret references'),
  reference: z.boolean({ error: 'must be true or false' }).optional().describe('used for agreement only; not alarmed, not on the status page'),
  visibility: z.enum(['public', 'private'], { error: 'must be "public" or "private"' }).optional(),
  headers: z.record(z.string(), secretable).optional(),
  basicAuth: z.strictObject({ username: secretable, password: secretable }).optional(),
  timeoutMs: positiveInt('milliseconds').optional(),
  maxResponseBytes: positiveInt('bytes').optional(),
  slowMs: positiveInt('milliseconds').optional(),
  tls: endpointTls.optional(),
  allowLiteralSecrets: z.boolean({ error: 'must be true or false' }).optional()
    .describe('let cdk synth deploy a value that looks like a credential written literally (it is not a secret, or you accept it in the bundle)'),
};

export const endpointSchema = z.strictObject(endpointBase);

export const httpJsonEndpointSchema = z.strictObject({
  ...endpointBase,
  heightPointer: z.string({ error: 'is required for http-json endpoints (a JSON Pointer such as /result/number)' })
    .regex(/^(\/[^/]*)+$/, { error: 'must be a JSON Pointer such as /result/number' }),
  timePointer: z.string().regex(/^(\/[^/]*)+$/, { error: 'must be a JSON Pointer such as /result/timestamp' }).optional(),
  method: z.enum(['GET', 'POST'], { error: 'must be GET or POST' }).optional(),
  body: z.union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown())], { error: 'must be a string, a mapping or a list' }).optional()
    .describe('request body for POST: a string, or an object/array sent as JSON'),
});

const accountSchema = z.strictObject({
  address: z.string().regex(/^[A-Z2-7]{58}$/, { error: 'must be a 58-character Algorand address' }),
  warnDays: positiveNumber('days').optional(),
});

const networkBase = {
  id: idSchema,
  blockTimeSeconds: positiveNumber('seconds').optional(),
  maxLagBlocks: positiveInt('blocks').optional(),
  maxHeadAgeSeconds: positiveNumber('seconds').optional(),
};

const endpoints = <T extends z.ZodType>(endpoint: T) =>
  z.array(endpoint, { error: 'must be a list of endpoints' }).min(1, { error: 'must list at least one endpoint' });

const hexHash = z.string().regex(/^0x[0-9a-fA-F]{64}$/, { error: 'must be a 0x-prefixed 32-byte hex hash' });

const evmNetwork = z.strictObject({
  ...networkBase,
  chain: z.literal('evm'),
  expect: z.strictObject({ chainId: z.number().int().positive({ error: 'must be a positive decimal chain id' }).optional() }).optional(),
  endpoints: endpoints(endpointSchema),
});

const algorandNetwork = z.strictObject({
  ...networkBase,
  chain: z.literal('algorand'),
  expect: z.strictObject({ genesisId: nonEmpty.optional(), genesisHash: nonEmpty.optional() }).optional(),
  endpoints: endpoints(endpointSchema),
  accounts: z.array(accountSchema).optional().describe('participation keys to watch'),
});

const substrateNetwork = z.strictObject({
  ...networkBase,
  chain: z.literal('substrate'),
  expect: z.strictObject({ genesisHash: hexHash.optional() }).optional(),
  endpoints: endpoints(endpointSchema),
});

const cometbftNetwork = z.strictObject({
  ...networkBase,
  chain: z.literal('cometbft'),
  expect: z.strictObject({ network: nonEmpty.optional() }).optional(),
  endpoints: endpoints(endpointSchema),
});

const bitcoinNetwork = z.strictObject({
  ...networkBase,
  chain: z.literal('bitcoin'),
  expect: z.strictObject({ chain: nonEmpty.optional().describe('main, test, testnet4, signet, regtest') }).optional(),
  endpoints: endpoints(endpointSchema),
});

const solanaNetwork = z.strictObject({
  ...networkBase,
  chain: z.literal('solana'),
  expect: z.strictObject({ genesisHash: nonEmpty.optional() }).optional(),
  endpoints: endpoints(endpointSchema),
});

const httpJsonNetwork = z.strictObject({
  ...networkBase,
  chain: z.literal('http-json'),
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

export const configSchema = z.strictObject({
  $schema: z.string().optional().describe('editor hint; ignored'),
  version: z.literal(1, { error: 'must be 1' }),
  defaults: z.strictObject({
    timeoutMs: positiveInt('milliseconds').optional(),
    maxResponseBytes: positiveInt('bytes').optional(),
    slowMs: positiveInt('milliseconds').optional(),
    tls: tlsDefaults.optional(),
  }).optional(),
  probe: z.strictObject({
    concurrency: positiveInt('parallel probes').max(1024, { error: 'must be at most 1024' }).optional(),
    schedule: z.string().regex(SCHEDULE_PATTERN, {
      error: 'must be an EventBridge expression such as "rate(1 minute)" or "cron(0/5 * * * ? *)"',
    }).optional(),
    regions: z.array(z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, { error: 'must be an AWS region name such as eu-west-1' }))
      .min(1, { error: 'must list at least one region' }).optional(),
    shards: positiveInt('invocations per tick').max(100, { error: 'must be at most 100' }).optional(),
    resolvers: z.array(
      z.string({ error: 'must be a string' }).superRefine((text, ctx) => {
        const problem = resolverAddressProblem(text);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
      { error: 'must be a list of DNS server addresses' },
    ).min(1, { error: "must list at least one DNS server (leave probe.resolvers out to use the system's)" }).optional()
      .describe('DNS servers asked for every endpoint host (IP with optional port, e.g. 1.1.1.1, 8.8.8.8:53, [::1]:53); default: the system\'s'),
  }).optional(),
  metrics: z.strictObject({
    detail: z.enum(['standard', 'full'], { error: 'must be "standard" or "full"' }).optional(),
  }).optional(),
  logs: z.strictObject({ retentionDays: positiveInt('days').optional() }).optional(),
  central: z.strictObject({
    account: z.string({ error: 'must be a 12-digit AWS account id in quotes' }).regex(/^\d{12}$/, { error: 'must be a 12-digit AWS account id' }),
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, { error: 'must be an AWS region name such as us-east-1' }),
    namespace: z.string().regex(/^[A-Za-z0-9._/#:-]{1,255}$/, { error: 'must be a CloudWatch namespace (letters, digits, . _ / # : -)' })
      .refine((s) => !s.startsWith('AWS/'), { error: 'must not start with "AWS/" (reserved by AWS)' })
      .refine((s) => !s.startsWith(':'), { error: 'must not start with ":" (CloudWatch rejects it)' }).optional(),
  }).optional(),
  alerting: z.strictObject({
    outageRegions: positiveInt('regions').optional(),
    email: z.array(z.email({ error: 'must be an email address' })).optional(),
    httpsSubscriptions: z.array(secretable).optional(),
  }).optional(),
  status: z.strictObject({ title: nonEmpty.optional() }).optional(),
  networks: z.array(networkSchema, { error: 'must be a list of networks' }).min(1, { error: 'must list at least one network' }),
});

export type ConfigInput = z.infer<typeof configSchema>;
export type NetworkInput = z.infer<typeof networkSchema>;
export type EndpointInput = z.infer<typeof endpointSchema> & Partial<Omit<z.infer<typeof httpJsonEndpointSchema>, keyof typeof endpointBase>>;
