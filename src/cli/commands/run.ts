// `vantage run`: probe on the schedule until stopped; with --serve, also the
// status page, the feed files, Prometheus /metrics and /healthz.
import { prepareConfig } from '../../config/index.ts';
import { HistoryFileError } from '../../serve/history-file.ts';
import { listenPlan } from '../../serve/listen-plan.ts';
import { intervalFlag, scheduleSeconds } from '../../serve/schedule.ts';
import { PortInUseError } from '../../serve/status-server.ts';
import { roundLine, runService } from '../../serve/run-service.ts';
import { EXIT, parseFlags, UsageError, type Command } from '../command.ts';
import { probeRegion } from '../region.ts';
import { cliSecretSources } from '../secret-sources.ts';

export const DEFAULT_PORT = 9464;
export const DEFAULT_HOST = '127.0.0.1';

export const run: Command = {
  name: 'run',
  summary: 'probe on the schedule; with --serve, a status page and Prometheus /metrics',
  help: `Usage: vantage run --config FILE [--serve] [--port ${DEFAULT_PORT}] [--host ${DEFAULT_HOST}]
                   [--metrics-host ADDR] [--metrics-port N] [--allowed-host NAME]...
                   [--interval SECONDS] [--history FILE] [--region NAME] [--json]

Probes every endpoint on probe.schedule (rate(1 minute) by default) until
Ctrl-C, printing one line per round. With --serve it also serves:

  /                       the status page (works with JavaScript off)
  /api/v2/summary.json    Statuspage v2 summary (also status, components, incidents)
  /api/v2/scheduled-maintenances.json   maintenance windows (also /upcoming.json, /active.json)
  /history.json           90-day daily uptime, response-time and lag series, per-region views
  /feed.atom              incident and maintenance updates (Atom)
  /badges/<network>.json  shields.io endpoint badges
  /metrics                Prometheus metrics (blackbox_exporter names + vantage_*):
                          loopback only, see --metrics-host
  /healthz                200 while probe rounds keep completing, else 503

/metrics lists private and reference endpoints and exposure findings that the
page hides, so it is served on loopback only: on the page's listener when
--host is a loopback address, otherwise on a second listener at
--metrics-host (default 127.0.0.1) and --metrics-port (default --port + 1).
Every listener answers only requests whose Host header is one of its own
names (localhost, this machine's host name, the address it listens on, an
IP address, or an --allowed-host name); any other Host gets 421, which
stops web pages from reading it through DNS rebinding.

Options:
  -c, --config FILE       vantage.yaml (or .json) to read                       (required)
      --serve             serve the status page, feed files and /metrics
      --port N            port to listen on (default ${DEFAULT_PORT}; 0 = any free port)
      --host ADDR         address to listen on (default ${DEFAULT_HOST}; 0.0.0.0 for all)
      --metrics-host ADDR address for /metrics (default: --host if loopback, else 127.0.0.1);
                          a non-loopback address publishes /metrics to that network
      --metrics-port N    port for /metrics when it has its own listener (default --port + 1)
      --allowed-host NAME also answer requests for NAME (a reverse proxy's public
                          host name); repeat for several
      --interval SECONDS  probe every SECONDS instead of probe.schedule (at least 1)
      --history FILE      keep the status history (incidents, uptime) in FILE across restarts
      --region NAME       region name to report (default "local")
      --json              print each round's JSON report on one line instead of a summary
  -h, --help              show this help

Secret references are read once at start, as \`vantage check\` reads them
(\${ssm:…} and \${secretsmanager:…} with the standard AWS credential chain).

Stops cleanly on Ctrl-C or SIGTERM (exit 0). Exit 2 on config or usage errors.
`,
  async run(argv, io) {
    const { values } = parseFlags('run', argv, {
      config: { type: 'string', short: 'c' },
      serve: { type: 'boolean' },
      port: { type: 'string' },
      host: { type: 'string' },
      'metrics-host': { type: 'string' },
      'metrics-port': { type: 'string' },
      'allowed-host': { type: 'string', multiple: true },
      interval: { type: 'string' },
      history: { type: 'string' },
      region: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (!values.config) throw new UsageError('--config FILE is required', 'run');
    if (!values.serve && (values.port !== undefined || values.host !== undefined)) throw new UsageError('--port and --host need --serve', 'run');
    if (!values.serve && [values['metrics-host'], values['metrics-port'], values['allowed-host']].some((v) => v !== undefined)) {
      throw new UsageError('--metrics-host, --metrics-port and --allowed-host need --serve', 'run');
    }
    const port = parsePort(values.port, 'run');
    const plan = listenPlan({
      host: values.host ?? DEFAULT_HOST,
      port,
      metricsHost: values['metrics-host'],
      metricsPort: values['metrics-port'] === undefined ? undefined : parsePort(values['metrics-port'], 'run', '--metrics-port'),
    });
    if (!plan.ok) throw new UsageError(plan.message, 'run');
    const allowedHosts = values['allowed-host'] ?? [];
    for (const name of allowedHosts) {
      if (!/^[A-Za-z0-9.-]{1,253}$/.test(name)) throw new UsageError(`--allowed-host must be a host name such as status.example.com (got "${name}")`, 'run');
    }
    const { config, redactor, warnings } = await prepareConfig(values.config, cliSecretSources(io.env));
    for (const warning of warnings) io.stderr.write(`${warning}\n`);
    const interval = values.interval !== undefined ? intervalFlag(values.interval) : scheduleSeconds(config.probe.schedule);
    if (!interval.ok) throw new UsageError(interval.message, 'run');

    try {
      await runService({
        config,
        redactor,
        region: probeRegion(values.region, io.env),
        intervalSeconds: interval.seconds,
        serve: values.serve ? { plan: plan.plan, allowedHosts } : null,
        historyFile: values.history ?? null,
        signal: io.signal,
        log: (line) => io.stderr.write(`${redactor.redact(line)}\n`),
        onListening: ({ url, metricsUrl }) => io.stderr.write(`vantage run: status page at ${url}/ (metrics at ${metricsUrl}); Ctrl-C to stop\n`),
        // The report is already redacted field by field (build-report.ts);
        // redacting its serialized text again would hit JSON keys and ids
        // when a secret is a short word.
        onReport: (report) => io.stdout.write(values.json ? `${JSON.stringify(report)}\n` : `${roundLine(report)}\n`),
      });
    } catch (err) {
      if (err instanceof PortInUseError || err instanceof HistoryFileError) throw new UsageError(err.message, 'run');
      throw err;
    }
    return EXIT.ok;
  },
};

export function parsePort(text: string | undefined, command: string, flag = '--port'): number {
  if (text === undefined) return DEFAULT_PORT;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new UsageError(`${flag} must be a whole number from 0 to 65535 (got "${text}")`, command);
  return port;
}
