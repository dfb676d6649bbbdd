// Which endpoints get an `AddressesUnhealthy` metric and an `addresses`
// alarm. Only a served endpoint whose host name can resolve to several
// addresses, each probed on its own (`addresses: all`, the default), can
// have one address failing while the endpoint answers; with `addresses:
// first` or an IP-literal host the count is 0 forever, and a constant 0
// costs as much as a useful series. The probe (publishing) and infra (the
// alarms) apply the same rule.
import { isIP } from 'node:net';
import type { ResolvedEndpoint } from '../config/resolved-config.ts';

export function watchesAddresses(endpoint: ResolvedEndpoint): boolean {
  if (endpoint.reference || endpoint.visibility !== 'public' || endpoint.addresses !== 'all') return false;
  return !isIpLiteralHost(endpoint.url);
}

/** A URL whose host is an IP address (a secret reference in the host is a name: it may resolve to several). */
function isIpLiteralHost(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return isIP(host.startsWith('[') ? host.slice(1, -1) : host) !== 0;
  } catch {
    return false;
  }
}
