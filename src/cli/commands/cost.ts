// `vantage cost`: what deploying the config costs a month, beside CloudWatch
// Synthetics running the same checks.
import { basename } from 'node:path';
import { ConfigError } from '../../config/config-error.ts';
import { loadConfigFile } from '../../config/load.ts';
import { applyDefaults } from '../../config/resolved-config.ts';
import { ASSUMPTIONS, estimateCost, everyTenSeconds } from '../../cost/estimate.ts';
import { ASSUMED_PUBLISH_SECONDS } from '../../alarms/time-to-detect.ts';
import { formatCost } from '../../cost/format-cost.ts';
import { PRICE_REGION, PRICES, PRICES_READ_ON } from '../../cost/prices.ts';
import { EXIT, parseFlags, UsageError, type Command } from '../command.ts';

export const cost: Command = {
  name: 'cost',
  summary: 'estimate the monthly AWS cost of deploying the config, beside CloudWatch Synthetics',
  help: `Usage: vantage cost --config FILE [--json]

Estimates the monthly AWS bill of deploying the config (CloudWatch metrics,
alarms, composite alarms, dashboard, API calls and logs; Lambda; EventBridge;
KMS and S3 for alerts and the status page), line by line, beside CloudWatch
Synthetics running the same checks: one canary per endpoint per probe region
on the same schedule. Also: the alarm strategy and why, the cost per
endpoint, the quotas it uses (and increases to request), and per alarm kind
the worst-case time from a problem's start to the notification, as given and
with probe.everySeconds: 10. us-east-1 list prices, before any free tier; the
price table, its sources and the assumptions are in docs/cost.md.

Options:
  -c, --config FILE   vantage.yaml (or .json) to price; probe.regions is required
      --json          print the estimate as JSON
  -h, --help          show this help

Exit codes: 0 estimate printed, 2 config or usage error.
`,
  async run(argv, io) {
    const { values } = parseFlags('cost', argv, {
      config: { type: 'string', short: 'c' },
      json: { type: 'boolean' },
    });
    if (!values.config) throw new UsageError('--config FILE is required', 'cost');
    const config = applyDefaults(loadConfigFile(values.config));
    if (config.probe.regions.length === 0) {
      throw new ConfigError([{ path: 'probe.regions', message: 'is required for a cost estimate (every probe cost is per region)' }], values.config);
    }
    const estimate = estimateCost(config);
    const tenSeconds = config.probe.everySeconds === 10 ? undefined : estimateCost(everyTenSeconds(config));
    if (values.json) {
      const out = {
        config: values.config, priceRegion: PRICE_REGION, pricesReadOn: PRICES_READ_ON, prices: PRICES,
        assumptions: { ...ASSUMPTIONS, publishSeconds: ASSUMED_PUBLISH_SECONDS }, ...estimate, everyTenSeconds: tenSeconds ?? null,
      };
      io.stdout.write(`${JSON.stringify(out, (_k, v: unknown) => (v === Infinity ? null : v), 2)}\n`);
    } else {
      io.stdout.write(formatCost(estimate, basename(values.config), tenSeconds));
    }
    return EXIT.ok;
  },
};
