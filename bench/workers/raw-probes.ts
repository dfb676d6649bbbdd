// The raw floor as a whole process, for the CLI-path CPU measurement: start
// Node, then `count` sequential fresh-connection HTTPS GETs with the raw
// client (bench/support/raw-https-client.ts), then exit. Run with count N+W
// and count W, its CPU difference is N raw probes, the same way Vantage's
// `check` is measured. Arguments: JSON { host, servername?, port, caFile, count }.
import { rawHttpsGet, rawSecureContext } from '../support/raw-https-client.ts';
import { workerInput } from '../support/worker-ipc.ts';

interface RawProbesInput {
  readonly host: string;
  readonly servername?: string;
  readonly port: number;
  readonly caFile: string;
  readonly count: number;
}

const input = workerInput<RawProbesInput>();
const target = { host: input.host, servername: input.servername, port: input.port, path: '/', secureContext: rawSecureContext(input.caFile) };
for (let i = 0; i < input.count; i++) {
  const response = await rawHttpsGet(target);
  if (response.status !== 200) {
    process.stderr.write(`raw client: status ${response.status}\n`);
    process.exit(1);
  }
}
