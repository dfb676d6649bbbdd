// A chain family with no node that runs here, through the real engine: one
// replay server (recorded answers from test/fixtures/chains/) per describe
// block, started before its tests and closed after, and a `vantage check`
// round over a config that points at it.
import { afterAll, beforeAll } from 'vitest';
import type { Report } from '../../src/report/report.ts';
import { startReplayServer, type RecordedRequest, type ReplayServer, type Routes } from './replay-server.ts';
import { checkConfig, type CheckOptions } from './run-check.ts';

export interface ReplayedChain {
  /** The stand-in node's base URL. */
  readonly url: string;
  /** The requests it received since the last replay, in order. */
  readonly requests: readonly RecordedRequest[];
  /**
   * Answers with `routes` from now on, forgets earlier requests, and runs one
   * round over `config` (the YAML, given the node's URL).
   */
  replay(routes: Routes, config: (url: string) => string, options?: CheckOptions): Promise<Report>;
}

/** Call inside a describe block: the server lives as long as the block. */
export function replayedChain(): ReplayedChain {
  let server: ReplayServer | undefined;
  beforeAll(async () => {
    server = await startReplayServer();
  });
  afterAll(async () => server?.close());
  const node = (): ReplayServer => {
    if (!server) throw new Error('replayedChain(): the replay server starts in beforeAll; use it inside a test');
    return server;
  };
  return {
    get url() {
      return node().url;
    },
    get requests() {
      return node().requests;
    },
    async replay(routes, config, options = {}) {
      const s = node();
      s.setRoutes(routes);
      s.requests.length = 0;
      return checkConfig(config(s.url), options);
    },
  };
}

/** One network `id` of family `chain` with one endpoint, `rpc-1`, at `url`; `expect` as the config's expect block. */
export function oneEndpointConfig(network: { id: string; chain: string; expect: Readonly<Record<string, string | number>> }, url: string): string {
  return `
version: 1
networks:
  - id: ${network.id}
    chain: ${network.chain}
    expect: ${JSON.stringify(network.expect)}
    endpoints:
      - { id: rpc-1, url: "${url}" }
`;
}
