// A loopback port nothing listens on right now (bound by the OS, released).
export { closedLoopbackPort as freePort } from '../../src/demo/closed-port.ts';
