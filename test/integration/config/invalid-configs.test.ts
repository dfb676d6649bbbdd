// A table of invalid config files (test/fixtures/configs/invalid/), each with
// its exact message, run through the real CLI: exit 2, one line per problem
// naming file, line and config path, nothing on stdout. The whole of stderr
// is compared, so a stack trace or any extra line fails the test.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runVantage } from '../../support/vantage-cli.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const DIR = 'test/fixtures/configs/invalid';

const vantage = runVantage;

/** No AWS credentials, region, shared files or instance metadata: ${ssm:…} cannot be read, and nothing leaves this machine trying. */
const NO_AWS = { AWS_EC2_METADATA_DISABLED: 'true', AWS_CONFIG_FILE: '/nonexistent/aws-config', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials' };

const CHAINS = 'algorand, evm, substrate, cometbft, bitcoin, solana, http-json';

/** file → the exact stderr lines, after the "<file>:" prefix. */
const TABLE: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['account-unquoted.yaml', ['3: central.account: must be a 12-digit AWS account id in quotes']],
  ['addresses-not-a-mode.yaml', ['8: networks[0].endpoints[0].addresses: must be "all" or "first"']],
  ['alias-bomb.yaml', ['9: f[0]: too many alias expansions (limit 100000 values): the file looks like a YAML bomb']],
  ['alias-loop.yaml', ['9: networks[0].endpoints[0].body.query[1]: alias *body is inside its own anchor &body (a loop)']],
  ['alias-unknown.yaml', ['2: networks: alias *nope refers to no anchor (an anchor &nope must come before it)']],
  ['arrival-delay-not-below-window.yaml', [
    '8: networks[0].arrival.maxDelayMs: is 5000 ms, not below the 5 s window: no block could be judged',
    '15: networks[1].arrival.maxDelayMs: defaults to 150000 ms (250 × blockTimeSeconds), not below the 50 s window: set maxDelayMs below 50000, or a longer window',
  ]],
  ['arrival-window-out-of-range.yaml', [
    '5: networks[0].arrival.windowSeconds: must be at least 1 (seconds)',
    '12: networks[1].arrival.windowSeconds: must be at most 50 (seconds)',
  ]],
  ['arrival-without-window.yaml', [
    '6: networks[0].arrival.windowSeconds: is required',
    '7: networks[0].arrival.windowSecs: unknown key (allowed here: windowSeconds, maxDelayMs)',
  ]],
  ['bad-header-name.yaml', ['9: networks[0].endpoints[0].headers.X Api Key: is not a valid HTTP header name']],
  ['bad-id.yaml', ['3: networks[0].id: must be 1-64 characters of letters, digits, ".", "_" or "-", starting with a letter or digit']],
  ['bad-visibility.yaml', ['8: networks[0].endpoints[0].visibility: must be "public" or "private"']],
  ['body-number.yaml', ['9: networks[0].endpoints[0].body: must be a string, a mapping or a list']],
  ['cadence-factor-one.yaml', [
    '5: networks[0].cadenceFactor: must be greater than 1 (times blockTimeSeconds)',
    '6: networks[0].maxFinalityLagSeconds: must be greater than 0 (seconds)',
  ]],
  ['ca-file-not-pem.yaml', ['9: networks[0].endpoints[0].tls.caFile: "ca-file-not-pem.yaml" holds no PEM certificate (-----BEGIN CERTIFICATE-----)']],
  ['chain-id-string.yaml', ['5: networks[0].expect.chainId: must be a number (got the string "0x1")']],
  ['duplicate-endpoint-id.yaml', ['8: networks[0].endpoints[1].id: duplicate endpoint id "a" in network "eth" (also endpoints[0])']],
  ['duplicate-network-id.yaml', ['8: networks[1].id: duplicate network id "eth" (also networks[0])']],
  ['duplicate-yaml-key.yaml', ['8: not valid YAML/JSON: key "url" appears twice in the same mapping']],
  ['empty.yaml', [' the file is empty (it needs at least "version" and "networks")']],
  ['env-breaks-url.yaml', ['7: networks[0].endpoints[0].url: is not a valid URL once its secret references are filled in (check the referenced values)']],
  ['env-unset.yaml', ['7: networks[0].endpoints[0].url: environment variable VANTAGE_TEST_UNSET_KEY is not set (referenced as ${env:VANTAGE_TEST_UNSET_KEY})']],
  ['every-seconds-schedule.yaml', ['4: probe.everySeconds: is 10, which needs probe.schedule to run every minute (rate(1 minute)); it is rate(5 minutes)']],
  ['every-seconds-value.yaml', ['3: probe.everySeconds: must be 10, 30 or 60']],
  ['expect-wrong-family.yaml', ['5: networks[0].expect.genesisHash: unknown key (allowed here: chainId)']],
  // Spelled right, but the family has nothing for it to judge: an error that says why, not a silent no-op.
  ['finality-where-instant.yaml', [
    '5: networks[0].maxFinalityLagSeconds: unknown key (cometbft blocks are final when they are made: there is no finality lag to judge)',
    '11: networks[1].cadenceFactor: unknown key (substrate probes read no block times: there is no block interval to judge)',
  ]],
  ['get-with-body.yaml', ['10: networks[0].endpoints[0].body: is only sent with method: POST']],
  ['headers-list.yaml', ['9: networks[0].endpoints[0].headers: must be a mapping (key: value) (got a list)']],
  ['head-age-too-large.yaml', [
    '5: networks[0].blockTimeSeconds: must be at most 3600 (seconds)',
    '6: networks[0].maxHeadAgeSeconds: must be at most 604800 (seconds)',
  ]],
  ['ipv6-not-a-mode.yaml', ['3: probe.ipv6: must be "auto", "on" or "off"']],
  ['http-json-bad-pointer.yaml', ['8: networks[0].endpoints[0].heightPointer: must be a JSON Pointer such as /result/number']],
  ['http-json-no-pointer.yaml', ['6: networks[0].endpoints[0].heightPointer: is required for http-json endpoints (a JSON Pointer such as /result/number)']],
  ['maintenance-fields.yaml', [
    '7: maintenance[0].title: is required',
    '10: maintenance[0].regions: unknown key (allowed here: id, title, start, end, networks, endpoints)',
    '11: maintenance[1].id: is required',
    '11: maintenance[1].title: must not be empty',
    '14: maintenance[1].networks: must list at least one network (or leave it out)',
    '15: maintenance[1].endpoints[0]: must be "network/endpoint", e.g. eth-main/rpc-2',
  ]],
  ['maintenance-order.yaml', [
    '10: maintenance[0].end: must be after start (2026-12-08T11:00:00Z)',
    '11: maintenance[1].id: duplicate maintenance id "upgrade" (also maintenance[0])',
    '14: maintenance[1].end: must be after start (2026-12-09T10:00Z)',
  ]],
  ['maintenance-targets.yaml', [
    '11: maintenance[0].networks[1]: names network "btc", which is not in networks',
    '12: maintenance[0].endpoints[1]: names endpoint "rpc-9", which is not in network "eth"',
    '12: maintenance[0].endpoints[2]: names network "sol", which is not in networks',
  ]],
  // Local offsets, a space for the T, a day that does not exist, epoch seconds: all refused.
  ['maintenance-times.yaml', [
    '9: maintenance[0].start: must be an ISO-8601 UTC time such as 2026-12-08T10:00:00Z, ending in Z (start)',
    '10: maintenance[0].end: must be an ISO-8601 UTC time such as 2026-12-08T10:00:00Z, ending in Z (end)',
    '13: maintenance[1].start: is not a real date and time (start)',
    '14: maintenance[1].end: must be an ISO-8601 UTC time such as 2026-12-08T10:00:00Z (end)',
  ]],
  ['many-problems.yaml', [
    '3: defaults.slowMs: must be greater than 0 (milliseconds)',
    '7: networks[0].blockTimeSeconds: must be greater than 0 (seconds)',
    '11: networks[0].endpoints[0].reference: must be true or false',
  ]],
  ['max-lag-fraction.yaml', ['5: networks[0].maxLagBlocks: must be a whole number (blocks)']],
  ['max-lag-zero.yaml', ['5: networks[0].maxLagBlocks: must be greater than 0 (blocks)']],
  ['max-response-zero.yaml', ['3: defaults.maxResponseBytes: must be greater than 0 (bytes)']],
  ['missing-ca-file.yaml', ['9: networks[0].endpoints[0].tls.caFile: file "no-such-ca.pem" does not exist or cannot be read']],
  ['missing-chain.yaml', [`3: networks[0].chain: is required (one of ${CHAINS})`]],
  ['missing-networks.yaml', ['1: networks: is required']],
  ['missing-url.yaml', ['6: networks[0].endpoints[0].url: is required']],
  ['missing-version.yaml', ['1: version: is required']],
  ['namespace-colon.yaml', ['4: central.namespace: must not start with ":" (CloudWatch rejects it)']],
  ['network-not-a-mapping.yaml', ['3: networks[0]: must be a mapping with id, chain and endpoints']],
  ['no-endpoints.yaml', ['5: networks[0].endpoints: must list at least one endpoint']],
  ['not-a-mapping.yaml', [' must be a mapping with at least "version" and "networks"']],
  ['only-references.yaml', ['6: networks[0].endpoints: every endpoint is a reference; at least one must be watched']],
  ['private-reference.yaml', ['11: networks[0].endpoints[1].reference: a private endpoint cannot be a reference (it must not answer at all)']],
  ['resolver-bad-port.yaml', ['5: probe.resolvers[1]: port must be a number from 1 to 65535 (got "8.8.8.8:99999")']],
  ['resolver-name.yaml', ['3: probe.resolvers[1]: must be an IP address, not a name (a resolver is what turns names into addresses), such as 1.1.1.1, 8.8.8.8:53 or [::1]:53 (got "dns.google")']],
  ['resolver-not-ip.yaml', [
    '3: probe.resolvers[0]: must be an IP address with an optional port, such as 1.1.1.1, 8.8.8.8:53 or [::1]:53 (got "1.1.1")',
    '3: probe.resolvers[1]: must be an IP address with an optional port, such as 1.1.1.1, 8.8.8.8:53 or [::1]:53 (got "[8.8.8.8]:53")',
  ]],
  ['resolvers-empty.yaml', ["3: probe.resolvers: must list at least one DNS server (leave probe.resolvers out to use the system's)"]],
  ['resolvers-not-a-list.yaml', ['3: probe.resolvers: must be a list of DNS server addresses']],
  ['schedule-too-long.yaml', ['3: probe.schedule: must be a rate of 1 minute to 24 hours']],
  ['secret-unknown-kind.yaml', ['9: networks[0].endpoints[0].headers.Authorization: unknown secret reference "${vault:eth/token}" (use ${env:NAME}, ${ssm:/path} or ${secretsmanager:name})']],
  ['secret-unterminated.yaml', ['7: networks[0].endpoints[0].url: unterminated secret reference "${env:KEY" (expected ${kind:name})']],
  ['slow-too-large.yaml', ['3: defaults.slowMs: must be at most 120000 (milliseconds)']],
  ['ssm-without-aws.yaml', ['9: networks[0].endpoints[0].headers.X-Api-Key: ${ssm:/vantage/eth-key}: no AWS region set (set AWS_REGION, or AWS_PROFILE naming a profile with a region); no AWS credentials found (set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)']],
  ['timeout-negative.yaml', ['8: networks[0].endpoints[0].timeoutMs: must be greater than 0 (milliseconds)']],
  // Past 2^31-1 ms Node's timer fires after 1 ms: every probe would time out at once.
  ['timeout-overflows-timer.yaml', ['8: networks[0].endpoints[0].timeoutMs: must be at most 120000 (milliseconds)']],
  ['timeout-string.yaml', ['3: defaults.timeoutMs: must be a number (milliseconds)']],
  ['unknown-chain.yaml', [`4: networks[0].chain: must be one of ${CHAINS}`]],
  ['unknown-endpoint-key.yaml', ['8: networks[0].endpoints[0].timeoutMS: unknown key (did you mean "timeoutMs"?)']],
  ['unknown-key.json', ['8: networks[0].endpoints[0].refrence: unknown key (did you mean "reference"?)']],
  // Only the typo is reported, not also "networks: is required".
  ['unknown-top-level-key.yaml', ['2: netwroks: unknown key (did you mean "networks"?)']],
  ['url-fragment.yaml', ['7: networks[0].endpoints[0].url: must not contain a #fragment']],
  ['url-not-a-url.yaml', ['7: networks[0].endpoints[0].url: must be an http(s) URL']],
  ['url-not-http.yaml', ['7: networks[0].endpoints[0].url: must be an http(s) URL (got "ftp:")']],
  ['version-2.yaml', ['1: version: must be 1']],
  ['ws-url-wrong-family.yaml', ['7: networks[0].endpoints[0].url: must be an http(s) URL: cometbft networks have no WebSocket probe (ws:// and wss:// are for evm, substrate, solana)']],
  ['yaml-syntax.yaml', ['7: not valid YAML/JSON: Sequence item without - indicator']],
];

describe('invalid configs through `vantage check`', () => {
  it('covers every fixture in the folder, and at least 20', () => {
    expect(TABLE.map(([file]) => file).sort()).toEqual(readdirSync(join(ROOT, DIR)).sort());
    expect(TABLE.length).toBeGreaterThanOrEqual(20);
  });

  it.concurrent.each(TABLE)('%s: exit 2, the exact message, nothing on stdout', async (file, lines) => {
    // A value that breaks the URL it is put in: a space and a slash in the host.
    const run = await vantage(['check', '--config', `${DIR}/${file}`], { VANTAGE_TEST_HOST: 'bad host/x', ...NO_AWS });
    expect(run.stderr).toBe(lines.map((l) => `${DIR}/${file}:${l}\n`).join(''));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
  });

  it('with --json too, a config error prints nothing on stdout', async () => {
    const run = await vantage(['check', '--json', '--config', `${DIR}/many-problems.yaml`]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')).toHaveLength(4);
  });

  it('a config file that does not exist: exit 2, naming it', async () => {
    const run = await vantage(['check', '--config', 'no/such/vantage.yaml']);
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'no/such/vantage.yaml: cannot read config file: no such file\n' });
  });

  it('a directory given as the config: exit 2', async () => {
    const run = await vantage(['check', '--config', DIR]);
    expect(run).toEqual({ code: 2, stdout: '', stderr: `${DIR}: cannot read config file: is a directory\n` });
  });

  it('the secret value of a reference never appears in a message, even when it breaks the URL', async () => {
    const run = await vantage(['check', '--config', `${DIR}/env-breaks-url.yaml`], { VANTAGE_TEST_HOST: 'canary-7f3a9 x' });
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain('canary-7f3a9');
  });
});
