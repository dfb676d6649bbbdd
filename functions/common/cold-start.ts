// The work a handler does once per container: decode the embedded config,
// read the environment contract, build the clients. It runs inside the first
// invocation, within middy, so a failure there reaches the error logger (one
// redacted line) instead of the runtime's init-error report, which would
// quote the raw error and its stack. Kept once it succeeded; tried again by
// the next invocation while it fails.

export function coldStart<T>(init: () => T): () => T {
  let ready: { readonly value: T } | null = null;
  return () => (ready ??= { value: init() }).value;
}
