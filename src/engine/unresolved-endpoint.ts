// An endpoint whose secret references could not be resolved is not probed:
// a request without its credentials would fail for our reasons, not the
// endpoint's, and could send a half-filled URL or header. It is reported
// `secret_unresolved` (down), naming each reference and why.
import type { ResolvedEndpoint } from '../config/resolved-config.ts';
import { reason } from '../report/reasons.ts';
import { emptyTimings } from '../report/timings.ts';
import type { EndpointProbe } from './probe-types.ts';

/** The result for an endpoint that must not be probed, or null when it can be. */
export function unprobedEndpoint(endpoint: ResolvedEndpoint): EndpointProbe | null {
  const problems = endpoint.unresolvedSecrets ?? [];
  if (problems.length === 0) return null;
  return {
    endpoint,
    reasons: [reason('secret_unresolved', `not probed: ${problems.join('; ')}`)],
    timings: emptyTimings(),
    tls: null,
    chain: null,
    addresses: [],
  };
}
