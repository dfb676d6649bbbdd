// Any HTTP API that serves its height in JSON: the operator names where
// (heightPointer) and, optionally, the head time (timePointer).
import { reason, type Reason } from '../report/reasons.ts';
import type { AdapterContext, AdapterOutcome, ChainAdapter } from './adapter.ts';
import { expectJson } from './json-response.ts';
import { parseAnyHeight, parseTimestampSeconds } from './node-numbers.ts';
import { resolvePointer } from './json-pointer.ts';
import { heightAnswer } from './height-answer.ts';

export const httpJson: ChainAdapter = {
  family: 'http-json',
  readCalls: ['the configured method (GET or POST) on the endpoint URL'],
  exposureCalls: [],
  heightCall: {
    calls: ['the configured method (GET or POST) on the endpoint URL'],
    mode: 'poll',
    async ask({ endpoint, http }) {
      const settings = endpoint.httpJson;
      if (!settings) return { ok: false, reason: reason('invalid_response', 'http-json endpoint has no heightPointer') };
      const json = expectJson(await http.request({ method: settings.method, body: settings.body ?? undefined }), `${settings.method} ${endpoint.id}`);
      if (!json.ok) return { ok: false, reason: json.reason };
      const at = resolvePointer(json.value, settings.heightPointer);
      if (!at.found) return { ok: false, reason: reason('invalid_response', `heightPointer ${settings.heightPointer} is not in the response`) };
      return heightAnswer(parseAnyHeight(at.value), settings.heightPointer);
    },
  },

  async read({ endpoint, http }: AdapterContext): Promise<AdapterOutcome> {
    const settings = endpoint.httpJson;
    if (!settings) return { chain: null, reasons: [reason('invalid_response', 'http-json endpoint has no heightPointer')] };
    const answer = await http.request({ method: settings.method, body: settings.body ?? undefined });
    const json = expectJson(answer, `${settings.method} ${endpoint.id}`);
    if (!json.ok) return { chain: null, reasons: [json.reason] };

    const reasons: Reason[] = [];
    let height: number | null = null;
    const at = resolvePointer(json.value, settings.heightPointer);
    if (!at.found) reasons.push(reason('invalid_response', `heightPointer ${settings.heightPointer} is not in the response`));
    else {
      const parsed = parseAnyHeight(at.value);
      if (parsed.ok) height = parsed.value;
      else reasons.push(reason('invalid_response', `${settings.heightPointer}: ${parsed.message}`));
    }
    let headTimeSeconds: number | null = null;
    if (settings.timePointer) {
      const time = resolvePointer(json.value, settings.timePointer);
      headTimeSeconds = time.found ? parseTimestampSeconds(time.value) : null;
      if (headTimeSeconds === null) reasons.push(reason('invalid_response', `timePointer ${settings.timePointer} is missing or not a timestamp`));
    }
    return { chain: { height, headTimeSeconds, headAgeSeconds: null, syncing: null, peers: null, identity: {}, finality: null, cadence: null }, reasons };
  },
};
