// Reason codes are a stable contract (DESIGN.md "Reason codes").
import { describe, expect, it } from 'vitest';
import { addReason, REASON_STATUS, reason, statusOfReasons, worstStatus, type Reason } from '../../../src/report/reasons.ts';

describe('reason codes', () => {
  it('are exactly the codes of DESIGN.md, each with its status', () => {
    expect(REASON_STATUS).toEqual({
      dns_failed: 'down', connect_refused: 'down', connect_timeout: 'down', tls_failed: 'down', cert_expired: 'down',
      cert_untrusted: 'down', cert_hostname_mismatch: 'down', timeout: 'down', http_error: 'down', response_too_large: 'down',
      invalid_response: 'down', rpc_error: 'down', wrong_chain: 'down', syncing: 'down', stale_head: 'down', secret_unresolved: 'down',
      lagging: 'degraded', ahead: 'degraded', slow: 'degraded', cert_expiring: 'degraded', exposed_admin_api: 'degraded',
      exposed_private_endpoint: 'degraded', partkey_expiring: 'degraded', finality_lagging: 'degraded', slow_blocks: 'degraded',
      late_blocks: 'degraded',
      no_route: 'down', subscription_silent: 'down', address_unhealthy: 'degraded',
    });
  });

  it('the status of reasons is the worst of them; none is up', () => {
    expect(statusOfReasons([])).toBe('up');
    expect(statusOfReasons([reason('slow', 's'), reason('cert_expiring', 'c')])).toBe('degraded');
    expect(statusOfReasons([reason('slow', 's'), reason('timeout', 't')])).toBe('down');
    expect(worstStatus(['up', 'degraded', 'up'])).toBe('degraded');
  });

  it('addReason drops an exact duplicate but keeps the same code with another message', () => {
    const list: Reason[] = [];
    addReason(list, reason('lagging', 'a'));
    addReason(list, reason('lagging', 'a'));
    addReason(list, reason('lagging', 'b'));
    expect(list).toEqual([reason('lagging', 'a'), reason('lagging', 'b')]);
  });
});
