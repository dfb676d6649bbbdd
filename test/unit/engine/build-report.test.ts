// Results → report, over plain data: statuses upward, agreement merged in,
// every URL and message redacted, the table's human view.
import { describe, expect, it } from 'vitest';
import { agree } from '../../../src/agreement/agreement.ts';
import type { ChainReading } from '../../../src/chains/adapter.ts';
import { Redactor } from '../../../src/config/redactor.ts';
import type { ResolvedEndpoint, ResolvedNetwork } from '../../../src/config/resolved-config.ts';
import type { EndpointProbe } from '../../../src/engine/probe-endpoint.ts';
import { reason, type Reason } from '../../../src/report/reasons.ts';
import { emptyTimings } from '../../../src/report/timings.ts';
import { buildNetworkReport, buildReport, MESSAGE_MAX } from '../../../src/engine/build-report.ts';
import { chainDepth } from '../../../src/engine/chain-depth.ts';
import { formatTable } from '../../../src/report/format-table.ts';

const NOW = Date.parse('2025-06-01T00:00:00Z');

function endpoint(id: string, extra: Partial<ResolvedEndpoint> = {}): ResolvedEndpoint {
  return {
    id, url: `https://${id}.example.com/v3/SECRETKEY123456`, reference: false, visibility: 'public', headers: {}, basicAuth: null,
    timeoutMs: 5000, maxResponseBytes: 1_048_576, slowMs: 2000,
    tls: { warnDays: 14, caFile: null, serverName: null, insecureSkipVerify: false }, httpJson: null, allowLiteralSecrets: false,
    transport: 'http', addresses: 'all', subscriptionWindowMs: null, ...extra,
  };
}

const network = (endpoints: ResolvedEndpoint[]): ResolvedNetwork => ({
  id: 'eth', chain: 'evm', blockTimeSeconds: 12, maxLagBlocks: 3, maxHeadAgeSeconds: 120, maxFinalityLagSeconds: 1200, cadenceFactor: 2,
  expect: {}, endpoints, accounts: [], arrival: null,
});

function probe(e: ResolvedEndpoint, height: number | null, reasons: Reason[] = [], depth: Pick<ChainReading, 'finality' | 'cadence'> = { finality: null, cadence: null }): EndpointProbe {
  const chain: ChainReading | null = height === null ? null
    : { height, headTimeSeconds: NOW / 1000 - 3, headAgeSeconds: null, syncing: false, peers: 7, identity: { chainId: 1 }, ...depth };
  return { endpoint: e, reasons, timings: { ...emptyTimings(), connectMs: 1, ttfbMs: 4, totalMs: 5 }, tls: null, chain, addresses: [] };
}

function build(probes: EndpointProbe[], redactor = new Redactor()) {
  const agreement = agree(probes.map((p) => ({
    id: p.endpoint.id, height: p.chain?.height ?? null, headTimeSeconds: p.chain?.headTimeSeconds ?? null,
    headAgeSeconds: null, codes: p.reasons.map((r) => r.code),
  })), { maxLagBlocks: 3, maxHeadAgeSeconds: 120 }, NOW);
  const net = network(probes.map((p) => p.endpoint));
  return buildNetworkReport(net, probes, agreement, chainDepth(net, probes), [], redactor, new Map(), NOW);
}

describe('buildNetworkReport', () => {
  it('merges agreement into each endpoint: lag, head age, lagging', () => {
    const [a, b, c] = [endpoint('a'), endpoint('b'), endpoint('c')];
    const report = build([probe(a, 40), probe(b, 40), probe(c, 10)]);
    expect(report.referenceHeight).toBe(40);
    expect(report.endpoints[2]).toMatchObject({
      status: 'degraded',
      reasons: [{ code: 'lagging', message: 'height 10 is 30 blocks behind reference 40 (max 3)' }],
      chain: { height: 10, lagBlocks: 30, headAgeSeconds: 3, syncing: false, peers: 7 },
    });
    expect(report.status).toBe('degraded');
  });

  it('gives every endpoint with a chain the finality and interval fields, null where the probe read none (never missing)', () => {
    const report = build([
      probe(endpoint('a'), 40, [], { finality: { finalizedHeight: 20, lagBlocks: 20, lagSeconds: null }, cadence: { blocks: 32, seconds: 400 } }),
      probe(endpoint('b'), 40),
    ]);
    // a: no timestamps for the finalized block, so 20 blocks × 12 s; 400 s over 32 blocks.
    expect(report.endpoints[0]!.chain).toMatchObject({ finalizedHeight: 20, finalityLagBlocks: 20, finalityLagSeconds: 240, blockIntervalSeconds: 12.5 });
    expect(report.endpoints[1]!.chain).toEqual({
      height: 40, lagBlocks: 0, headAgeSeconds: 3, syncing: false, peers: 7,
      finalizedHeight: null, finalityLagBlocks: null, finalityLagSeconds: null, blockIntervalSeconds: null,
    });
  });

  it('adds finality_lagging and slow_blocks to the endpoint\'s reasons, after agreement\'s, and degrades it', () => {
    const report = build([
      probe(endpoint('a'), 40, [], { finality: { finalizedHeight: 10, lagBlocks: 30, lagSeconds: 1300 }, cadence: { blocks: 32, seconds: 32 * 25 } }),
      probe(endpoint('b'), 40),
    ]);
    expect(report.endpoints[0]!.status).toBe('degraded');
    expect(report.endpoints[0]!.reasons.map((r) => r.code)).toEqual(['finality_lagging', 'slow_blocks']);
    expect(report.status).toBe('degraded');
  });

  it('network status is the worst of its watched endpoints; a reference endpoint does not count', () => {
    const ref = endpoint('ref', { reference: true });
    const report = build([probe(endpoint('a'), 40), probe(ref, null, [reason('timeout', 't')])]);
    expect(report.endpoints[1]).toMatchObject({ reference: true, status: 'down', chain: null });
    expect(report.status).toBe('up');
  });

  it('report status is the worst of its networks', () => {
    const up = build([probe(endpoint('a'), 1)]);
    const down = build([probe(endpoint('b'), null, [reason('dns_failed', 'x')])]);
    expect(buildReport({ startedAt: 's', durationMs: 1, region: 'r', networks: [up, down] }).status).toBe('down');
    expect(buildReport({ startedAt: 's', durationMs: 1, region: 'r', networks: [up] }).status).toBe('up');
  });

  it('redacts URLs and messages', () => {
    const redactor = new Redactor();
    redactor.add('SECRETKEY123456');
    const report = build([probe(endpoint('a'), null, [reason('http_error', 'HTTP 403 (forbidden key SECRETKEY123456)')])], redactor);
    expect(report.endpoints[0]!.url).toBe('https://a.example.com/v3/***');
    expect(report.endpoints[0]!.reasons[0]!.message).toBe('HTTP 403 (forbidden key ***)');
  });

  it('bounds every message at MESSAGE_MAX and strips control characters, whatever a reason carries (the Lambda\'s one summary line stays bounded)', () => {
    const redactor = new Redactor();
    redactor.add('SECRETKEY123456');
    // A message built without cleaning its node text: 100,000 characters, escapes, and a secret across the cut.
    // ESC[2K (4) + boom (4) + CR LF (2) + 985 x: the secret starts at 995, so the clip at 1,000 leaves "SECRE" before its mark.
    const long = `\u001b[2Kboom\r\n${'x'.repeat(985)}SECRETKEY123456${'y'.repeat(100_000)}`;
    const report = build([probe(endpoint('a'), null, [reason('invalid_response', long)])], redactor);
    expect(MESSAGE_MAX).toBe(1000);
    // The clip keeps 1,000 characters; the escapes are then removed, and what is left of the secret before the mark is redacted.
    expect(report.endpoints[0]!.reasons[0]!.message).toBe(`boom  ${'x'.repeat(985)}***…`);
  });

  it('judges every address against the primaries\' reference, lists them in order, and redacts an address that is a secret host', () => {
    const redactor = new Redactor();
    redactor.add('203.0.113.9');
    const reading = (height: number): ChainReading => ({ height, headTimeSeconds: NOW / 1000 - 3, headAgeSeconds: null, syncing: false, peers: 7, identity: {}, finality: null, cadence: null });
    const at = (address: string, height: number, primary: boolean) => ({
      address, family: 4 as const, primary, skipped: false, reasons: [], timings: { ...emptyTimings(), ttfbMs: 4 }, tls: null, chain: reading(height),
    });
    const secret = endpoint('secret', { url: 'https://203.0.113.9/' });
    const split = { ...probe(endpoint('split'), 40), addresses: [at('198.51.100.1', 40, true), at('198.51.100.2', 12, false)] };
    const report = build([split, probe(endpoint('b'), 40), { ...probe(secret, 40), addresses: [at('203.0.113.9', 40, true)] }], redactor);
    expect(report.referenceHeight).toBe(40);
    expect(report.endpoints[0]).toMatchObject({
      status: 'degraded',
      reasons: [{ code: 'address_unhealthy', message: 'address 198.51.100.2 is degraded: lagging, height 12 is 28 blocks behind reference 40 (max 3)' }],
      chain: { height: 40, lagBlocks: 0 },
    });
    expect(report.endpoints[0]!.addresses).toEqual([
      { address: '198.51.100.1', family: 4, primary: true, status: 'up', reasons: [], ttfbMs: 4, height: 40 },
      { address: '198.51.100.2', family: 4, primary: false, status: 'degraded', reasons: [{ code: 'lagging', message: 'height 12 is 28 blocks behind reference 40 (max 3)' }], ttfbMs: 4, height: 12 },
    ]);
    expect(report.endpoints[2]!.addresses.map((a) => a.address)).toEqual(['***']);
  });

  it('redacts a certificate that names a secret host (the URL host was a secret reference)', () => {
    const redactor = new Redactor();
    redactor.add('node-7f3a9c1e.internal');
    const tls = {
      protocol: 'TLSv1.3', notAfter: '2025-09-01T00:00:00.000Z', daysToExpiry: 92, trusted: true, hostnameMatch: true,
      issuer: 'CN=ca.node-7f3a9c1e.internal, O=Acme', subject: 'CN=node-7f3a9c1e.internal',
    };
    const e = endpoint('a', { url: 'https://node-7f3a9c1e.internal/' });
    const report = build([{ ...probe(e, 40), tls }], redactor);
    expect(report.endpoints[0]!.tls).toEqual({ ...tls, issuer: 'CN=ca.***, O=Acme', subject: 'CN=***' });
  });
});

describe('formatTable', () => {
  const report = buildReport({
    startedAt: '2025-06-01T00:00:00.000Z', durationMs: 812, region: 'local',
    networks: [build([
      // a: finality from timestamps (64 blocks, 13.2 min) and 32 blocks in 384 s; b: a node without the finalized tag, no cadence read.
      probe(endpoint('a'), 40, [], { finality: { finalizedHeight: 40 - 64, lagBlocks: 64, lagSeconds: 792 }, cadence: { blocks: 32, seconds: 384 } }),
      probe(endpoint('b'), 40),
      probe(endpoint('slow'), 10),
      probe(endpoint('dead'), null, [reason('connect_refused', 'connection refused by dead.example.com:443 (nothing listening)')]),
    ])],
  });

  it('shows status in words and marks, a row per endpoint, reasons underneath, "-" for what is unknown', () => {
    const text = formatTable(report, { color: false });
    expect(text).toBe([
      '✗ DOWN  region local · 2025-06-01T00:00:00.000Z · 812 ms',
      '',
      'eth (evm)  ✗ down  reference height 40',
      '  ENDPOINT  STATUS      HEIGHT  LAG  HEAD AGE  FINALITY LAG  BLOCK INTERVAL  DNS  CONNECT  TLS  TTFB    TOTAL   CERT DAYS',
      '  a         ✓ up        40      0    3.0 s     13.2 min      12.0 s          -    1.0 ms   -    4.0 ms  5.0 ms  -',
      '  b         ✓ up        40      0    3.0 s     -             -               -    1.0 ms   -    4.0 ms  5.0 ms  -',
      '  slow      ! degraded  10      30   3.0 s     -             -               -    1.0 ms   -    4.0 ms  5.0 ms  -',
      '      lagging: height 10 is 30 blocks behind reference 40 (max 3)',
      '  dead      ✗ down      -       -    -         -             -               -    1.0 ms   -    4.0 ms  5.0 ms  -',
      '      connect_refused: connection refused by dead.example.com:443 (nothing listening)',
      '',
    ].join('\n'));
  });

  it('colours only when asked', () => {
    expect(formatTable(report, { color: false })).not.toContain('\x1b[');
    expect(formatTable(report, { color: true })).toContain('\x1b[31m');
  });
});
