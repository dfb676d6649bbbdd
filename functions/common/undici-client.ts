// Bundle-only stand-in for the `undici` package (see PROBE_BUNDLE_OPTIONS.alias).
// The probe uses undici's Client (its `dispatch` method) and the error
// classes; importing them from 'undici' pulls all of undici (fetch, WebSocket,
// caches, mocks) because it is CommonJS and cannot be tree-shaken. These
// modules alone are smaller and load faster (figures: docs/lambda.md and
// docs/benchmarks.md). Relative paths, not `undici/…`, which the alias
// would rewrite too. If undici moves these files, or the probe imports
// anything else from 'undici', the bundle build fails loudly, and the bundle
// test probes real endpoints through this Client.
// @ts-expect-error -- undici's internal modules have no type declarations.
import UndiciClient from '../../node_modules/undici/lib/dispatcher/client.js';
// @ts-expect-error -- as above.
import undiciErrors from '../../node_modules/undici/lib/core/errors.js';

export const Client = UndiciClient as typeof import('undici').Client;
export const errors = undiciErrors as typeof import('undici').errors;
