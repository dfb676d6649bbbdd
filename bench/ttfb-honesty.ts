// TTFB honesty on its own: does the time to first byte Vantage reports match
// what a bare client sees, at several server delays? Runs part 2 of
// `npm run bench` (bench/parts/timing-accuracy.ts: Vantage's probeEndpoint
// and the raw tls.connect client, alternating, fresh connections, the server
// in its own process) once per delay and prints its table.
//
//   node bench/ttfb-honesty.ts [pairs=200] [delaysMs=50,0]   (the first delay is judged)
//
// Loopback only (127.0.0.1); bounded in count.
import { timingAccuracy } from './parts/timing-accuracy.ts';
import { formatTable } from './report.ts';
import { benchCertificates } from './support/bench-certificates.ts';

const pairs = Number(process.argv[2] ?? 200);
const delays = (process.argv[3] ?? '50,0').split(',').map(Number);
if (!Number.isInteger(pairs) || pairs < 1 || delays.some((d) => !Number.isFinite(d) || d < 0)) {
  console.error('Usage: node bench/ttfb-honesty.ts [pairs=200] [delaysMs=50,0]');
  process.exit(2);
}

const certs = await benchCertificates();
const part = await timingAccuracy(certs, { quick: false }, { delaysMs: delays, pairs });
console.log(`TTFB honesty: ${pairs} pairs per delay, loopback HTTPS (TLS 1.3), Node ${process.version}\n`);
console.log(formatTable([part]));
for (const note of part.notes) console.log(`\n- ${note}`);
