// Where `vantage run --serve` listens: /metrics never leaves loopback unless
// --metrics-host says so.
import { describe, expect, it } from 'vitest';
import { isLoopback, listenPlan } from '../../../src/serve/listen-plan.ts';

describe('listenPlan', () => {
  it('serves /metrics on the page listener when it is loopback', () => {
    expect(listenPlan({ host: '127.0.0.1', port: 9464 })).toEqual({ ok: true, plan: { page: { host: '127.0.0.1', port: 9464 }, metrics: null } });
    expect(listenPlan({ host: '::1', port: 0 })).toEqual({ ok: true, plan: { page: { host: '::1', port: 0 }, metrics: null } });
  });

  it('moves /metrics to 127.0.0.1 on the next port when the page is published', () => {
    expect(listenPlan({ host: '0.0.0.0', port: 9464 })).toEqual({ ok: true, plan: { page: { host: '0.0.0.0', port: 9464 }, metrics: { host: '127.0.0.1', port: 9465 } } });
    expect(listenPlan({ host: '192.0.2.10', port: 0 })).toEqual({ ok: true, plan: { page: { host: '192.0.2.10', port: 0 }, metrics: { host: '127.0.0.1', port: 0 } } });
  });

  it('follows --metrics-host and --metrics-port, sharing the listener only when both match', () => {
    expect(listenPlan({ host: '0.0.0.0', port: 9464, metricsHost: '0.0.0.0' })).toEqual({ ok: true, plan: { page: { host: '0.0.0.0', port: 9464 }, metrics: null } });
    expect(listenPlan({ host: '0.0.0.0', port: 9464, metricsHost: '10.0.0.5', metricsPort: 9100 })).toMatchObject({ plan: { metrics: { host: '10.0.0.5', port: 9100 } } });
    expect(listenPlan({ host: '127.0.0.1', port: 9464, metricsPort: 9100 })).toMatchObject({ plan: { metrics: { host: '127.0.0.1', port: 9100 } } });
  });

  it('says so when no port is left for /metrics', () => {
    expect(listenPlan({ host: '0.0.0.0', port: 65535 })).toEqual({ ok: false, message: '--port 65535 leaves no port for /metrics on 127.0.0.1: choose one with --metrics-port' });
  });
});

describe('isLoopback', () => {
  it('knows loopback addresses from others', () => {
    expect(['127.0.0.1', '127.3.2.1', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1'].filter(isLoopback)).toHaveLength(6);
    expect(['0.0.0.0', '::', '192.0.2.10', '128.0.0.1', 'example.com', '::ffff:10.0.0.1'].filter(isLoopback)).toEqual([]);
  });
});
