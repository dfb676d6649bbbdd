// `vantage check`: one round, as a table or the JSON report.
import { prepareConfig } from '../../config/index.ts';
import { runRound } from '../../engine/round.ts';
import { formatTable } from '../../report/format-table.ts';
import { EXIT, parseFlags, UsageError, type Command } from '../command.ts';
import { progressLine } from '../progress.ts';
import { probeRegion } from '../region.ts';
import { cliSecretSources } from '../secret-sources.ts';

export const check: Command = {
  name: 'check',
  summary: 'probe every endpoint once and print the results',
  help: `Usage: vantage check --config FILE [--json] [--region NAME] [--publish]

Probes every endpoint in the config once, concurrently (probe.concurrency),
then prints a table, or with --json the report described in DESIGN.md.
Networks with \`arrival\` are then watched for their window (block arrival
latency), so the run takes that much longer.

Options:
  -c, --config FILE   vantage.yaml (or .json) to read            (required)
      --json          print the JSON report instead of the table
      --region NAME   region name to report (default: AWS_REGION in Lambda, else "local")
      --publish       also send the metrics to CloudWatch (central.region, namespace;
                      credentials from the standard AWS chain); result on stderr
  -h, --help          show this help

Secret references: \${env:NAME} from the environment; \${ssm:/path} and
\${secretsmanager:name} from AWS with the standard credential chain and region
(AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_REGION), as the
probe Lambda reads them. One that cannot be read is a config error.

Exit codes: 0 all up, 1 any endpoint degraded or down (or --publish failed),
2 config or usage error.
`,
  async run(argv, io) {
    const { values } = parseFlags('check', argv, {
      config: { type: 'string', short: 'c' },
      json: { type: 'boolean' },
      region: { type: 'string' },
      publish: { type: 'boolean' },
    });
    if (!values.config) throw new UsageError('--config FILE is required', 'check');
    const { config, redactor, warnings } = await prepareConfig(values.config, cliSecretSources(io.env));
    for (const warning of warnings) io.stderr.write(`${warning}\n`);
    // Loaded only with --publish: the AWS SDK is not worth its start-up time otherwise.
    const publishing = values.publish ? await import('../../publish/publish-report.ts') : null;
    publishing?.requirePublishTarget(config, values.config);
    const progress = io.stderr.isTTY && !values.json ? progressLine(io.stderr) : null;
    const report = await runRound(config, redactor, {
      region: probeRegion(values.region, io.env),
      runSignal: io.signal,
      onProbe: progress ? (done, total) => progress.update(`probing ${done}/${total} endpoints`) : undefined,
      onArrivalWatch: progress ? (seconds) => progress.update(`watching block arrival for ${seconds} s`) : undefined,
    });
    progress?.clear();
    // The report is redacted field by field (build-report.ts); redacting the
    // printed text again would also hit JSON keys and reason codes when a
    // secret is a short word (a username such as "rpc").
    const text = values.json ? `${JSON.stringify(report, null, 2)}\n` : formatTable(report, { color: Boolean(io.stdout.isTTY) && !io.env['NO_COLOR'] });
    io.stdout.write(text);
    const exit = report.status === 'up' ? EXIT.ok : EXIT.findings;
    if (!publishing) return exit;
    const publication = await publishing.publishReport(report, config, values.config);
    io.stderr.write(`${redactor.redact(publishing.describePublication(publication))}\n`);
    return publication.outcome.unpublished.length > 0 ? EXIT.findings : exit;
  },
};
