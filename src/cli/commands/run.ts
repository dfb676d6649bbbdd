// `vantage run`: probe on the schedule until stopped; with --serve, also the
// status page, the feed files, Prometheus /metrics and /healthz.
import { prepareConfig } from '../../config/index.ts';
import { HistoryFileError } from '../../serve/history-file.ts';
import { intervalFlag, scheduleSeconds } from '../../serve/schedule.ts';
import { PortInUseError } from '../../serve/status-server.ts';
import { roundLine, runService } from '../../serve/run-service.ts';
import { EXIT, parseFlags, UsageError, type Command } from '../command.ts';
import { probeRegion } from '../region.ts';

export const DEFAULT_PORT = 9464;
export const DEFAULT_HOST = '127.0.0.1';

export const run: Command = {
  name: 'run',
  summary: 'probe on the schedule; with --serve, a status page and Prometheus /metrics',
  help: `Usage: vantage run --config FILE [--serve] [--port ${DEFAULT_PORT}] [--host ${DEFAULT_HOST}]
                   [--interval SECONDS] [--history FILE] [--region NAME] [--json]

Probes every endpoint on probe.schedule (rate(1 minute) by default) until
Ctrl-C, printing one line per round. With --serve it also serves:

  /                       the status page (works with JavaScript off)
  /api/v2/summary.json    Statuspage v2 summary (also status, components, incidents)
  /history.json           90-day daily uptime and incidents
  /feed.atom              incident updates (Atom)
  /badges/<network>.json  shields.io endpoint badges
  /metrics                Prometheus metrics (blackbox_exporter names + vantage_*)
  /healthz                200 while probe rounds keep completing, else 503

Options:
  -c, --config FILE       vantage.yaml (or .json) to read                       (required)
      --serve             serve the status page, feed files and /metrics
      --port N            port to listen on (default ${DEFAULT_PORT}; 0 = any free port)
      --host ADDR         address to listen on (default ${DEFAULT_HOST}; 0.0.0.0 for all)
      --interval SECONDS  probe every SECONDS instead of probe.schedule (at least 1)
      --history FILE      keep the status history (incidents, uptime) in FILE across restarts
      --region NAME       region name to report (default "local")
      --json              print each round's JSON report on one line instead of a summary
  -h, --help              show this help

Stops cleanly on Ctrl-C or SIGTERM (exit 0). Exit 2 on config or usage errors.
`,
  async run(argv, io) {
    const { values } = parseFlags('run', argv, {
      config: { type: 'string', short: 'c' },
      serve: { type: 'boolean' },
      port: { type: 'string' },
      host: { type: 'string' },
      interval: { type: 'string' },
      history: { type: 'string' },
      region: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (!values.config) throw new UsageError('--config FILE is required', 'run');
    if (!values.serve && (values.port !== undefined || values.host !== undefined)) throw new UsageError('--port and --host need --serve', 'run');
    const port = parsePort(values.port, 'run');
    const { config, redactor, warnings } = await prepareConfig(values.config, { env: io.env });
    for (const warning of warnings) io.stderr.write(`${warning}\n`);
    const interval = values.interval !== undefined ? intervalFlag(values.interval) : scheduleSeconds(config.probe.schedule);
    if (!interval.ok) throw new UsageError(interval.message, 'run');

    try {
      await runService({
        config,
        redactor,
        region: probeRegion(values.region, io.env),
        intervalSeconds: interval.seconds,
        serve: values.serve ? { host: values.host ?? DEFAULT_HOST, port } : null,
        historyFile: values.history ?? null,
        signal: io.signal,
        log: (line) => io.stderr.write(`${redactor.redact(line)}\n`),
        onListening: (url) => io.stderr.write(`vantage run: status page at ${url}/ (metrics at ${url}/metrics); Ctrl-C to stop\n`),
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

export function parsePort(text: string | undefined, command: string): number {
  if (text === undefined) return DEFAULT_PORT;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535 (got "${text}")`, command);
  return port;
}
