// Runs one real probing round (config text → defaults → secrets → runRound),
// exactly as `vantage check` does, and returns the redacted JSON report.
import { tmpdir } from 'node:os';
import { prepareConfigText } from '../../src/config/index.ts';
import { runRound } from '../../src/engine/round.ts';
import type { EndpointReport, NetworkReport, Report } from '../../src/report/report.ts';

export interface CheckOptions {
  /** The environment ${env:…} references read (none by default). */
  readonly env?: Record<string, string>;
  /** Wall clock in ms. */
  readonly now?: () => number;
}

export async function checkConfig(yaml: string, options: CheckOptions = {}): Promise<Report> {
  const { config, redactor } = await prepareConfigText(yaml, { env: options.env ?? {} }, tmpdir());
  return runRound(config, redactor, { region: 'test', now: options.now });
}

export function network(report: Report, id: string): NetworkReport {
  const found = report.networks.find((n) => n.id === id);
  if (!found) throw new Error(`no network ${id} in the report`);
  return found;
}

export function endpoint(report: Report, networkId: string, endpointId: string): EndpointReport {
  const found = network(report, networkId).endpoints.find((e) => e.id === endpointId);
  if (!found) throw new Error(`no endpoint ${endpointId} in network ${networkId}`);
  return found;
}

export const codes = (e: { reasons: readonly { code: string }[] }): string[] => e.reasons.map((r) => r.code);
