// One TLS SecureContext per distinct trust setting, reused by every probe:
// passing `ca` to each tls.connect would re-parse the PEM every time, a large
// share of a probe's CPU (docs/benchmarks.md).
import { readFileSync } from 'node:fs';
import { createSecureContext, type SecureContext } from 'node:tls';

const contexts = new Map<string, SecureContext>();

/** caFile null: the system/Node trust store. Throws only if the file vanished since load. */
export function secureContextFor(caFile: string | null): SecureContext {
  const key = caFile ?? '';
  let context = contexts.get(key);
  if (!context) {
    context = caFile ? createSecureContext({ ca: readFileSync(caFile) }) : createSecureContext({});
    contexts.set(key, context);
  }
  return context;
}
