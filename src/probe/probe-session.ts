// What a chain adapter talks through: HTTP requests (REST and JSON-RPC), or
// JSON-RPC frames over one WebSocket (ws:// and wss:// endpoints of the
// families that offer subscriptions). jsonRpc() dispatches on which.
import type { HttpSession } from './http-session.ts';
import type { WebSocketSession } from './websocket-session.ts';

export type ProbeSession = HttpSession | WebSocketSession;
