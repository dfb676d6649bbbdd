// publishWithFallback, when there is no publisher at all: nothing may be
// lost, so every datum comes back as EMF lines with the reason. (The publish
// paths themselves run against the local AWS double in
// test/integration/functions/probe and test/integration/publish.)
import { describe, expect, it } from 'vitest';
import type { MetricDatum } from '../../../src/metrics/datum.ts';
import { publishWithFallback } from '../../../src/publish/publish-with-fallback.ts';

const at = Date.parse('2030-01-01T00:00:00Z');
const datums: MetricDatum[] = [
  { name: 'Up', unit: 'None', value: 1, timestamp: at, dimensions: [{ name: 'Network', value: 'n' }, { name: 'Endpoint', value: 'a' }, { name: 'ProbeRegion', value: 'local' }] },
  { name: 'ProbeRuns', unit: 'Count', value: 1, timestamp: at, dimensions: [{ name: 'ProbeRegion', value: 'local' }] },
];

describe('publishWithFallback', () => {
  it('a publisher that cannot be made leaves every datum unpublished, as EMF lines, with the reason', async () => {
    const publication = await publishWithFallback(datums, {
      namespace: 'VantageTest',
      publisher: () => {
        throw new Error('no central region: set central.region in the config');
      },
      deadline: at + 10_000,
    });
    expect(publication.datums).toBe(2);
    expect(publication.outcome).toEqual({ published: 0, requests: 0, unpublished: datums, errors: ['no central region: set central.region in the config'] });
    const docs = publication.emfLines.map((line) => JSON.parse(line) as Record<string, unknown> & { _aws: { CloudWatchMetrics: { Namespace: string }[] } });
    expect(docs.map((d) => d._aws.CloudWatchMetrics[0]!.Namespace)).toEqual(['VantageTest', 'VantageTest']);
    expect(docs.map((d) => [d['Up'], d['ProbeRuns']])).toEqual([[1, undefined], [undefined, 1]]);
  });
});
