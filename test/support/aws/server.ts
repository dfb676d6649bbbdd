// A strict local double of the AWS endpoints Vantage talks to: one HTTP
// server on 127.0.0.1 (port 0) that verifies SigV4 signatures (sigv4.ts:
// TEST_CREDENTIALS and whatever the STS double issued), routes each request
// by the service in its credential scope to a registered service definition
// (one file per service: cloudwatch.ts, sts.ts, ssm.ts, secrets-manager.ts,
// …), answers in that service's wire protocol, records every request, and can
// be told to throttle, fail, hang or reset per operation.
// Driven by the real SDK clients through an endpoint override.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { AwsServiceError, errorReply, inputOf, operationOf, successReply, type Protocol, type Reply } from './protocols.ts';
import { parseAuthorization, TEST_CREDENTIALS, verifySignature, type KnownCredentials } from './sigv4.ts';

export interface AwsRequest {
  /** SigV4 signing name from the credential scope (monitoring, sts, ssm, secretsmanager, s3). */
  readonly service: string;
  readonly operation: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
  /** Decompressed body. */
  readonly body: Buffer;
  readonly text: string;
  /** Parsed input: JSON object (json protocols), params (query), null (rest). */
  readonly input: unknown;
  readonly gzip: boolean;
  /** Body bytes as sent on the wire (compressed when gzip). */
  readonly wireBytes: number;
  readonly at: number;
}

export type OperationHandler = (request: AwsRequest) => unknown;

export interface ServiceDefinition {
  /** For messages and filters, e.g. "cloudwatch". */
  readonly name: string;
  /** SigV4 signing name, e.g. "monitoring" for CloudWatch. */
  readonly signingName: string;
  readonly protocol: Protocol;
  readonly operations: Readonly<Record<string, OperationHandler>>;
  /** Request bodies above this (uncompressed) are refused with 413 before parsing. */
  readonly maxBodyBytes?: number;
}

export type FaultKind = 'throttle' | 'error500' | 'hang' | 'reset';

export interface Fault {
  readonly kind: FaultKind;
  /** How many requests get the fault; default: all until cleared. */
  readonly times?: number;
}

export interface RequestRecord {
  readonly service: string;
  readonly operation: string;
  /** "ok", "fault:<kind>", or the error code answered. */
  readonly outcome: string;
  readonly request: AwsRequest | null;
}

export class AwsDouble {
  readonly #server: Server;
  readonly #services = new Map<string, ServiceDefinition>();
  readonly #faults = new Map<string, { kind: FaultKind; left: number }>();
  readonly #sockets = new Set<Socket>();
  readonly #records: RequestRecord[] = [];
  readonly #hanging = new Set<ServerResponse>();
  /** Access key id → what the double knows about it (as IAM and STS do). */
  readonly #credentials = new Map<string, KnownCredentials>([[TEST_CREDENTIALS.accessKeyId, TEST_CREDENTIALS]]);
  #url = '';

  private constructor() {
    this.#server = createServer((req, res) => void this.#handle(req, res));
    this.#server.on('connection', (socket) => {
      this.#sockets.add(socket);
      socket.once('close', () => this.#sockets.delete(socket));
    });
  }

  static async start(services: readonly ServiceDefinition[] = []): Promise<AwsDouble> {
    const double = new AwsDouble();
    for (const s of services) double.register(s);
    await new Promise<void>((resolve, reject) => {
      double.#server.once('error', reject);
      double.#server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = double.#server.address() as { port: number };
    double.#url = `http://127.0.0.1:${port}`;
    return double;
  }

  /** Endpoint URL for the SDK's `endpoint` option or AWS_ENDPOINT_URL_<SERVICE>. */
  get url(): string {
    return this.#url;
  }

  /** Adds a service; registering the same signing name again adds its operations to the existing ones. */
  register(service: ServiceDefinition): this {
    const existing = this.#services.get(service.signingName);
    this.#services.set(service.signingName, existing
      ? { ...existing, operations: { ...existing.operations, ...service.operations } }
      : service);
    return this;
  }

  /** Makes credentials valid for signing requests (the STS double calls this for what it issues). */
  trust(credentials: KnownCredentials): this {
    this.#credentials.set(credentials.accessKeyId, credentials);
    return this;
  }

  /** Injects a fault for an operation (e.g. "PutMetricData"), for `times` requests or until cleared. */
  fault(operation: string, fault: Fault): void {
    this.#faults.set(operation, { kind: fault.kind, left: fault.times ?? Number.POSITIVE_INFINITY });
  }

  clearFaults(): void {
    this.#faults.clear();
  }

  /** Every request that reached the double, in arrival order. */
  get requests(): readonly RequestRecord[] {
    return this.#records;
  }

  /** Requests that were accepted and answered with success. */
  calls(service?: string, operation?: string): AwsRequest[] {
    return this.#records
      .filter((r) => r.outcome === 'ok' && (!service || r.service === service || this.#services.get(r.service)?.name === service) && (!operation || r.operation === operation))
      .map((r) => r.request!);
  }

  /** Forgets recorded requests (faults stay). */
  reset(): void {
    this.#records.length = 0;
  }

  async stop(): Promise<void> {
    for (const res of this.#hanging) res.destroy();
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const wire = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://double');
    const auth = String(req.headers.authorization ?? '');
    const match = parseAuthorization(auth);
    // The credential scope names the service; without one, the JSON target does (for the right error format).
    const target = String(req.headers['x-amz-target'] ?? '');
    const guessService = match?.service
      ?? [...this.#services.values()].find((s) => s.protocol.kind === 'json' && target.startsWith(`${s.protocol.targetPrefix}.`))?.signingName
      ?? '?';
    const service = this.#services.get(guessService);
    const protocol: Protocol = service?.protocol ?? { kind: 'rest', route: () => null };
    const queryMode = req.headers['x-amzn-query-mode'] === 'true';
    const send = (reply: Reply) => {
      res.writeHead(reply.status, { ...reply.headers, 'content-length': String(Buffer.byteLength(reply.body)) });
      res.end(reply.body);
    };
    const fail = (error: AwsServiceError, operation: string, request: AwsRequest | null) => {
      this.#records.push({ service: guessService, operation, outcome: error.code, request });
      send(errorReply(protocol, error, { queryMode }));
    };

    // Authentication first, as AWS does: nothing else is looked at without it.
    if (!auth) return fail(new AwsServiceError('MissingAuthenticationToken', 'Missing Authentication Token', { status: 403, jsonType: 'MissingAuthenticationTokenException' }), '?', null);
    const amzDate = String(req.headers['x-amz-date'] ?? '');
    if (!match || !/^\d{8}T\d{6}Z$/.test(amzDate) || match.date !== amzDate.slice(0, 8) || !match.signedHeaders.includes('host') || !match.signedHeaders.includes('x-amz-date')) {
      return fail(new AwsServiceError('IncompleteSignature', `Authorization header is not a complete AWS4-HMAC-SHA256 signature with X-Amz-Date (got "${auth.slice(0, 60)}…")`, { status: 403, jsonType: 'IncompleteSignatureException' }), '?', null);
    }
    if (!service) return fail(new AwsServiceError('UnknownService', `no service "${guessService}" registered in the double`, { status: 400 }), '?', null);
    try {
      verifySignature(
        { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, wire, s3: service.signingName === 's3' },
        match,
        this.#credentials.get(match.accessKeyId),
        { query: protocol.kind === 'query' || (protocol.kind === 'json' && protocol.queryCompatible === true) },
      );
    } catch (err) {
      return fail(err as AwsServiceError, '?', null);
    }

    let body = wire;
    const gzip = req.headers['content-encoding'] === 'gzip';
    if (gzip) {
      try {
        body = gunzipSync(wire);
      } catch {
        return fail(new AwsServiceError('SerializationException', 'Content-Encoding gzip, but the body is not gzip'), '?', null);
      }
    }
    let operation = '?';
    let request: AwsRequest | null = null;
    try {
      const text = body.toString('utf8');
      operation = operationOf(protocol, { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, text });
      const handler = service.operations[operation];
      if (!handler) throw new AwsServiceError(protocol.kind === 'query' ? 'InvalidAction' : 'UnknownOperationException', `operation ${operation} is not implemented by the ${service.name} double`);
      if (service.maxBodyBytes !== undefined && (body.length > service.maxBodyBytes || wire.length > service.maxBodyBytes)) {
        throw new AwsServiceError('RequestEntityTooLarge', `request body is ${body.length} bytes; the limit is ${service.maxBodyBytes}`, { status: 413 });
      }
      request = {
        service: guessService, operation, region: match.region, accessKeyId: match.accessKeyId,
        method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers,
        body, text, input: inputOf(protocol, text), gzip, wireBytes: wire.length, at: Date.now(),
      };
      const fault = this.#takeFault(operation);
      if (fault) {
        this.#records.push({ service: guessService, operation, outcome: `fault:${fault}`, request });
        return this.#applyFault(fault, protocol, req, res, send, queryMode);
      }
      const output = await handler(request);
      this.#records.push({ service: guessService, operation, outcome: 'ok', request });
      send(successReply(protocol, operation, output));
    } catch (err) {
      if (err instanceof AwsServiceError) return fail(err, operation, request);
      fail(new AwsServiceError('InternalFailure', `double crashed: ${(err as Error).message}`, { status: 500 }), operation, request);
    }
  }

  #takeFault(operation: string): FaultKind | null {
    const fault = this.#faults.get(operation);
    if (!fault || fault.left <= 0) return null;
    fault.left--;
    return fault.kind;
  }

  #applyFault(kind: FaultKind, protocol: Protocol, req: IncomingMessage, res: ServerResponse, send: (r: Reply) => void, queryMode: boolean): void {
    switch (kind) {
      case 'hang':
        // Never answer; stop() cuts the connection.
        this.#hanging.add(res);
        res.once('close', () => this.#hanging.delete(res));
        return;
      case 'reset':
        req.socket.destroy();
        return;
      case 'throttle':
        send(errorReply(protocol, throttlingError(protocol), { queryMode }));
        return;
      case 'error500':
        send(errorReply(protocol, internalError(protocol), { queryMode }));
        return;
    }
  }
}

/** What each protocol family answers when it throttles. */
function throttlingError(protocol: Protocol): AwsServiceError {
  if (protocol.kind === 'json' && protocol.queryCompatible) {
    return new AwsServiceError('Throttling', 'Rate exceeded', { jsonType: 'com.amazon.coral.availability#ThrottlingException' });
  }
  if (protocol.kind === 'json') return new AwsServiceError('ThrottlingException', 'Rate exceeded');
  return new AwsServiceError('Throttling', 'Rate exceeded');
}

function internalError(protocol: Protocol): AwsServiceError {
  if (protocol.kind === 'json' && protocol.queryCompatible) {
    return new AwsServiceError('InternalServiceError', 'Internal service error', { status: 500, jsonType: `${protocol.errorNamespace ?? ''}#InternalServiceFault` });
  }
  return new AwsServiceError(protocol.kind === 'json' ? 'InternalServerError' : 'InternalFailure', 'Internal server error', { status: 500 });
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
