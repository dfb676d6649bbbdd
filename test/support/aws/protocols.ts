// The AWS wire protocols the SDK speaks to the services Vantage uses, as a
// server sees them: parsing requests and shaping answers and errors exactly
// as the service does, so the real SDK client deserializes them.
//   awsJson1_0 / awsJson1_1: POST /, X-Amz-Target "<prefix>.<Operation>",
//     Content-Type application/x-amz-json-1.x; errors {"__type", "message"}.
//     Query-compatible services (CloudWatch) also get x-amzn-query-mode: true
//     from the SDK and answer errors with x-amzn-query-error: "<Code>;<Sender|Receiver>".
//   awsQuery (STS): POST / form-encoded Action=…&Version=…; XML answers
//     <OpResponse><OpResult>…</OpResult><ResponseMetadata/></OpResponse>
//     and <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>.
//   rest (S3 and the like): the service definition routes method and path itself.
import { randomUUID } from 'node:crypto';
import { XMLBuilder } from 'fast-xml-parser';

export interface JsonProtocol {
  readonly kind: 'json';
  readonly version: '1.0' | '1.1';
  /** X-Amz-Target prefix, e.g. GraniteServiceVersion20100801 or AmazonSSM. */
  readonly targetPrefix: string;
  /** awsQueryCompatible services (CloudWatch). */
  readonly queryCompatible?: boolean;
  /** Shape namespace for __type, e.g. com.amazonaws.cloudwatch. */
  readonly errorNamespace?: string;
}

export interface QueryProtocol {
  readonly kind: 'query';
  /** The API version the SDK must send, e.g. 2011-06-15. */
  readonly version: string;
  readonly xmlNamespace: string;
}

export interface RestProtocol {
  readonly kind: 'rest';
  /** Operation name for a request, or null when no operation matches. */
  route(method: string, path: string, query: URLSearchParams): string | null;
}

export type Protocol = JsonProtocol | QueryProtocol | RestProtocol;

/** A service error as the service reports it. */
export class AwsServiceError extends Error {
  readonly code: string;
  readonly status: number;
  readonly fault: 'Sender' | 'Receiver';
  /** __type for JSON protocols, when it differs from `code` (query-compatible services). */
  readonly jsonType: string | null;

  constructor(code: string, message: string, options: { status?: number; fault?: 'Sender' | 'Receiver'; jsonType?: string } = {}) {
    super(message);
    this.name = 'AwsServiceError';
    this.code = code;
    this.status = options.status ?? 400;
    this.fault = options.fault ?? (this.status >= 500 ? 'Receiver' : 'Sender');
    this.jsonType = options.jsonType ?? null;
  }
}

export interface Reply {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string | Buffer;
}

const xml = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: true });

export function successReply(protocol: Protocol, operation: string, output: unknown): Reply {
  const requestId = randomUUID();
  switch (protocol.kind) {
    case 'json':
      return {
        status: 200,
        headers: { 'content-type': `application/x-amz-json-${protocol.version}`, 'x-amzn-requestid': requestId },
        body: JSON.stringify(output ?? {}),
      };
    case 'query':
      return {
        status: 200,
        headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
        body: xml.build({
          [`${operation}Response`]: {
            '@_xmlns': protocol.xmlNamespace,
            [`${operation}Result`]: output ?? {},
            ResponseMetadata: { RequestId: requestId },
          },
        }),
      };
    case 'rest':
      return output as Reply;
  }
}

export function errorReply(protocol: Protocol, error: AwsServiceError, request: { queryMode: boolean }): Reply {
  const requestId = randomUUID();
  switch (protocol.kind) {
    case 'json': {
      const headers: Record<string, string> = { 'content-type': `application/x-amz-json-${protocol.version}`, 'x-amzn-requestid': requestId };
      const type = error.jsonType ?? (protocol.errorNamespace ? `${protocol.errorNamespace}#${error.code}` : error.code);
      if (protocol.queryCompatible && request.queryMode) headers['x-amzn-query-error'] = `${error.code};${error.fault}`;
      return { status: error.status, headers, body: JSON.stringify({ __type: type, message: error.message }) };
    }
    case 'query':
    case 'rest':
      return {
        status: error.status,
        headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
        body: xml.build({
          ErrorResponse: {
            ...(protocol.kind === 'query' ? { '@_xmlns': protocol.xmlNamespace } : {}),
            Error: { Type: error.fault, Code: error.code, Message: error.message },
            RequestId: requestId,
          },
        }),
      };
  }
}

/** Operation named by the request, or an AwsServiceError saying why there is none. */
export function operationOf(protocol: Protocol, request: { method: string; path: string; query: URLSearchParams; headers: Record<string, string | string[] | undefined>; text: string }): string {
  switch (protocol.kind) {
    case 'json': {
      if (request.method !== 'POST') throw new AwsServiceError('UnknownOperationException', `${request.method} is not supported`, { status: 404 });
      const contentType = String(request.headers['content-type'] ?? '');
      if (contentType !== `application/x-amz-json-${protocol.version}`) {
        throw new AwsServiceError('UnknownOperationException', `content-type must be application/x-amz-json-${protocol.version}, got "${contentType}"`, { status: 404 });
      }
      const target = String(request.headers['x-amz-target'] ?? '');
      const dot = target.lastIndexOf('.');
      if (dot === -1 || target.slice(0, dot) !== protocol.targetPrefix) {
        throw new AwsServiceError('UnknownOperationException', `X-Amz-Target "${target}" is not ${protocol.targetPrefix}.<Operation>`, { status: 404 });
      }
      return target.slice(dot + 1);
    }
    case 'query': {
      const params = new URLSearchParams(request.text);
      const version = params.get('Version');
      if (version !== protocol.version) throw new AwsServiceError('InvalidAction', `Version must be ${protocol.version}, got ${version ?? 'none'}`);
      const action = params.get('Action');
      if (!action) throw new AwsServiceError('MissingAction', 'Action is required');
      return action;
    }
    case 'rest': {
      const op = protocol.route(request.method, request.path, request.query);
      if (!op) throw new AwsServiceError('MethodNotAllowed', `${request.method} ${request.path} is not supported`, { status: 405 });
      return op;
    }
  }
}

/** The request's input as the operation receives it: JSON object, query params, or (rest) nothing parsed. */
export function inputOf(protocol: Protocol, text: string): unknown {
  switch (protocol.kind) {
    case 'json':
      try {
        return JSON.parse(text || '{}') as unknown;
      } catch {
        throw new AwsServiceError('SerializationException', 'body is not valid JSON');
      }
    case 'query':
      return Object.fromEntries(new URLSearchParams(text));
    case 'rest':
      return null;
  }
}
