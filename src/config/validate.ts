// Rules the schema alone cannot express: unique ids, secret reference syntax,
// URLs that stay valid once references are substituted, files that must exist.
import { X509Certificate } from 'node:crypto';
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { basename, isAbsolute, resolve } from 'node:path';
import { formatPath } from './config-error.ts';
import { defaultMaxDelayMs, FAMILY_DEFAULTS } from './families.ts';
import type { ConfigInput, EndpointInput } from './schema.ts';
import { scanReferences } from './secret-reference.ts';
import { scheduleIntervalSeconds, SCHEDULE_PATTERN } from './schedule.ts';
import type { ChainFamily } from './families.ts';

export interface PathProblem {
  readonly path: string;
  readonly pathParts: readonly PropertyKey[];
  readonly message: string;
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function crossFieldProblems(config: ConfigInput, baseDir: string): PathProblem[] {
  const problems: PathProblem[] = [];
  const add = (pathParts: PropertyKey[], message: string) => problems.push({ path: formatPath(pathParts), pathParts, message });

  const regions = config.probe?.regions ?? [];
  const outageRegions = config.alerting?.outageRegions;
  if (outageRegions !== undefined && regions.length > 0 && outageRegions > regions.length) {
    add(['alerting', 'outageRegions'], `is ${outageRegions} but probe.regions lists only ${regions.length} region(s)`);
  }
  if (new Set(regions).size !== regions.length) add(['probe', 'regions'], 'lists a region twice');
  const everySeconds = config.probe?.everySeconds;
  const schedule = config.probe?.schedule;
  // Below 60 s the rounds fill one minute; a slower schedule would leave minutes without a round.
  if (everySeconds !== undefined && everySeconds < 60 && schedule !== undefined && SCHEDULE_PATTERN.test(schedule) && scheduleIntervalSeconds(schedule) !== 60) {
    add(['probe', 'everySeconds'], `is ${everySeconds}, which needs probe.schedule to run every minute (rate(1 minute)); it is ${schedule}`);
  }
  (config.alerting?.httpsSubscriptions ?? []).forEach((value, i) => {
    checkSecretable(value, ['alerting', 'httpsSubscriptions', i], add);
    checkUrl(value, ['alerting', 'httpsSubscriptions', i], add, ['https:']);
  });

  maintenanceProblems(config, add);

  // One verdict per CA file, however many endpoints name it: reading and
  // parsing the same PEM for each of them was a third of loading a large
  // config (npm run bench, the CLI path).
  const caFiles = new Map<string, string | null>();
  const caFileVerdict = (caFile: string, full: string) => {
    // Keyed by the spelling too: the message quotes the path as written.
    const key = `${caFile}\n${full}`;
    if (!caFiles.has(key)) caFiles.set(key, caFileProblem(caFile, full));
    return caFiles.get(key)!;
  };
  const networkIds = new Map<string, number>();
  config.networks.forEach((network, n) => {
    const first = networkIds.get(network.id);
    if (first !== undefined) add(['networks', n, 'id'], `duplicate network id "${network.id}" (also networks[${first}])`);
    else networkIds.set(network.id, n);

    const endpointIds = new Map<string, number>();
    (network.endpoints as EndpointInput[]).forEach((endpoint, e) => {
      const at = ['networks', n, 'endpoints', e];
      const seen = endpointIds.get(endpoint.id);
      if (seen !== undefined) add([...at, 'id'], `duplicate endpoint id "${endpoint.id}" in network "${network.id}" (also endpoints[${seen}])`);
      else endpointIds.set(endpoint.id, e);
      checkEndpoint(endpoint, network.chain, at, baseDir, add, caFileVerdict);
    });
    if (network.endpoints.every((e) => e.reference === true)) {
      add(['networks', n, 'endpoints'], 'every endpoint is a reference; at least one must be watched');
    }
    checkArrival(network, ['networks', n, 'arrival'], add);
  });
  return problems;
}

type Add = (pathParts: PropertyKey[], message: string) => void;
type CaFileVerdict = (caFile: string, full: string) => string | null;

/** Each window: after its start, a unique id, and only networks and endpoints that exist. */
function maintenanceProblems(config: ConfigInput, add: Add): void {
  const ids = new Map<string, number>();
  (config.maintenance ?? []).forEach((window, m) => {
    const at = ['maintenance', m];
    const first = ids.get(window.id);
    if (first !== undefined) add([...at, 'id'], `duplicate maintenance id "${window.id}" (also maintenance[${first}])`);
    else ids.set(window.id, m);
    if (Date.parse(window.end) <= Date.parse(window.start)) add([...at, 'end'], `must be after start (${window.start})`);
    (window.networks ?? []).forEach((id, i) => {
      if (!config.networks.some((n) => n.id === id)) add([...at, 'networks', i], `names network "${id}", which is not in networks`);
    });
    (window.endpoints ?? []).forEach((name, i) => {
      const [networkId, endpointId] = name.split('/') as [string, string];
      const network = config.networks.find((n) => n.id === networkId);
      if (!network) add([...at, 'endpoints', i], `names network "${networkId}", which is not in networks`);
      else if (!network.endpoints.some((e) => e.id === endpointId)) add([...at, 'endpoints', i], `names endpoint "${endpointId}", which is not in network "${networkId}"`);
    });
  });
}


/** Families whose node APIs speak JSON-RPC over WebSocket, with a subscription Vantage can time. */
export const WEBSOCKET_FAMILIES: ReadonlySet<ChainFamily> = new Set(['evm', 'substrate', 'solana']);

function checkEndpoint(endpoint: EndpointInput, chain: ChainFamily, at: PropertyKey[], baseDir: string, add: Add, caFileVerdict: CaFileVerdict): void {
  checkSecretable(endpoint.url, [...at, 'url'], add);
  checkEndpointUrl(endpoint.url, chain, [...at, 'url'], add);
  for (const [name, value] of Object.entries(endpoint.headers ?? {})) {
    if (!HEADER_NAME.test(name)) add([...at, 'headers', name], 'is not a valid HTTP header name');
    checkSecretable(value, [...at, 'headers', name], add);
  }
  if (endpoint.basicAuth) {
    checkSecretable(endpoint.basicAuth.username, [...at, 'basicAuth', 'username'], add);
    checkSecretable(endpoint.basicAuth.password, [...at, 'basicAuth', 'password'], add);
  }
  if (endpoint.reference && endpoint.visibility === 'private') {
    add([...at, 'reference'], 'a private endpoint cannot be a reference (it must not answer at all)');
  }
  if (endpoint.method === 'GET' && endpoint.body !== undefined) add([...at, 'body'], 'is only sent with method: POST');
  const caFile = endpoint.tls?.caFile;
  if (caFile) {
    const problem = caFileVerdict(caFile, isAbsolute(caFile) ? caFile : resolve(baseDir, caFile));
    if (problem) add([...at, 'tls', 'caFile'], problem);
  }
}

/**
 * A block first seen in the last maxDelayMs of the window is not judged (no
 * endpoint can be late for it yet), so a maxDelayMs as long as the window
 * would judge nothing at all.
 */
function checkArrival(network: ConfigInput['networks'][number], at: PropertyKey[], add: Add): void {
  if (!network.arrival) return;
  const windowMs = network.arrival.windowSeconds * 1000;
  const given = network.arrival.maxDelayMs;
  const maxDelayMs = given ?? defaultMaxDelayMs(network.blockTimeSeconds ?? FAMILY_DEFAULTS[network.chain].blockTimeSeconds);
  if (maxDelayMs < windowMs) return;
  if (given !== undefined) add([...at, 'maxDelayMs'], `is ${given} ms, not below the ${network.arrival.windowSeconds} s window: no block could be judged`);
  else add([...at, 'maxDelayMs'], `defaults to ${maxDelayMs} ms (250 × blockTimeSeconds), not below the ${network.arrival.windowSeconds} s window: set maxDelayMs below ${windowMs}, or a longer window`);
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g;

/**
 * Node accepts any text as `ca` and then trusts nothing, which would show up
 * later as a puzzling cert_untrusted; a file without a certificate is a
 * config error instead.
 */
function caFileProblem(caFile: string, full: string): string | null {
  let text: string;
  try {
    accessSync(full, constants.R_OK);
    if (!statSync(full).isFile()) return `"${caFile}" is not a file`;
    text = readFileSync(full, 'utf8');
  } catch {
    return `file "${caFile}" does not exist or cannot be read`;
  }
  const parses = (pem: string) => {
    try {
      return Boolean(new X509Certificate(pem));
    } catch {
      return false;
    }
  };
  // Worded like the Lambda bundler's own check (functions/common/bundle-config.ts).
  return (text.match(PEM_CERTIFICATE) ?? []).some(parses) ? null : `"${basename(caFile)}" holds no PEM certificate (-----BEGIN CERTIFICATE-----)`;
}

function checkSecretable(value: string, at: PropertyKey[], add: Add): void {
  const scan = scanReferences(value);
  if (!scan.ok) add(at, scan.message);
}

function checkEndpointUrl(value: string, chain: ChainFamily, at: PropertyKey[], add: Add): void {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(value)?.[1]?.toLowerCase();
  if (scheme !== 'ws' && scheme !== 'wss') return checkUrl(value, at, add, ['http:', 'https:']);
  if (!WEBSOCKET_FAMILIES.has(chain)) {
    add(at, `must be an http(s) URL: ${chain} networks have no WebSocket probe (ws:// and wss:// are for ${[...WEBSOCKET_FAMILIES].join(', ')})`);
    return;
  }
  checkUrl(value, at, add, ['ws:', 'wss:']);
}

function checkUrl(value: string, at: PropertyKey[], add: Add, protocols: string[]): void {
  const wanted = protocols.includes('ws:') ? 'a ws(s) URL' : protocols.length > 1 ? 'an http(s) URL' : 'an https URL';
  // References are checked above; judge the URL with them stood in for.
  let url: URL;
  try {
    url = new URL(value.replace(/\$\{[^}]*\}/g, 'x'));
  } catch {
    add(at, `must be ${wanted}`);
    return;
  }
  if (!protocols.includes(url.protocol)) add(at, `must be ${wanted} (got "${url.protocol}")`);
  else if (url.hash) add(at, 'must not contain a #fragment');
}
