import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../../src/config/load.ts';
import { applyDefaults } from '../../../src/config/resolved-config.ts';
import { exposureWatchFor } from '../../../src/alarms/exposure-rule.ts';

const config = applyDefaults(parseConfigText(`
version: 1
networks:
  - id: eth
    chain: evm
    endpoints:
      - { id: public, url: "https://a.example" }
      - { id: admin-port, url: "https://a.example:8545", visibility: private }
      - { id: ref, url: "https://ref.example", reference: true }
  - id: api
    chain: http-json
    endpoints:
      - { id: public, url: "https://b.example/height", heightPointer: /height }
      - { id: hidden, url: "https://b.example:9000/height", heightPointer: /height, visibility: private }
`, { file: null, baseDir: process.cwd() }));

describe('exposureWatchFor', () => {
  const watched = exposureWatchFor(config.networks);

  it('watches public endpoints of families that probe admin namespaces', () => {
    expect(watched('eth', 'public')).toBe(true);
  });

  it('watches every private endpoint, whatever the family', () => {
    expect(watched('eth', 'admin-port')).toBe(true);
    expect(watched('api', 'hidden')).toBe(true);
  });

  it('does not watch public endpoints of families without exposure probes, nor reference endpoints', () => {
    expect(watched('api', 'public')).toBe(false);
    expect(watched('eth', 'ref')).toBe(false);
  });

  it('does not confuse endpoints that share an id across networks', () => {
    expect(watched('eth', 'public')).not.toBe(watched('api', 'public'));
  });
});
