// The error logger both Lambdas use: whatever an invocation throws becomes
// exactly one JSON log line with the error's name, redacted message and the
// place it was thrown, and the invocation still fails, with an error that
// carries nothing the line does not.
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { errorLogger } from '../../../../functions/common/error-logger.ts';
import { functionLogger } from '../../../../functions/common/function-logger.ts';
import { Redactor } from '../../../../src/config/redactor.ts';
import { captureOutput } from '../../../support/lambda-output.ts';

const SECRET = 'sk-live-93bd7a0e51c4f286';
const context = { functionName: 'test', awsRequestId: 'req-1', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;

function failingHandler(fail: () => never) {
  const { logger, redaction } = functionLogger('vantage-test');
  const redactor = new Redactor();
  redactor.add(SECRET);
  redaction.current = redactor;
  return middy(async () => fail()).use(errorLogger({ logger, redact: (text) => redaction.current.redact(text), message: 'test invocation failed' }));
}

async function invoke(handler: ReturnType<typeof failingHandler>): Promise<{ error: Error; lines: string[] }> {
  let error: Error | null = null;
  const { lines } = await captureOutput(() => handler({}, context).catch((err: Error) => void (error = err)));
  expect(error).not.toBeNull();
  return { error: error!, lines };
}

describe('error logger', () => {
  it('logs one line whose message is redacted by the current Redactor, and rethrows only that text', async () => {
    const handler = failingHandler(() => {
      throw new TypeError(`request to https://rpc.example.com/v3/${SECRET} failed\nsecond line`);
    });
    const { error, lines } = await invoke(handler);
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!) as { level: string; message: string; error: { name: string; message: string; location: string } };
    expect(line).toMatchObject({
      level: 'ERROR',
      message: 'test invocation failed',
      error: { name: 'TypeError', message: 'request to https://rpc.example.com/v3/*** failed\nsecond line' },
    });
    expect(line.error.location).toMatch(/error-logger\.test\.ts:\d+:\d+$/);
    expect(lines[0]).not.toContain(SECRET.slice(0, 8));
    expect(lines[0]).not.toContain('    at ');
    expect(error).toMatchObject({ name: 'TypeError', message: 'request to https://rpc.example.com/v3/*** failed\nsecond line' });
    expect(error.stack).toBe(`TypeError: ${error.message}`);
    expect(error.cause).toBeUndefined();
  });

  it('handles a thrown value that is not an Error', async () => {
    const handler = failingHandler(() => {
      throw `token ${SECRET}`; // eslint-disable-line no-throw-literal
    });
    const { error, lines } = await invoke(handler);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ error: { name: 'Error', message: 'token ***', location: null } });
    expect(error.message).toBe('token ***');
  });

  it('clips a message far longer than a problem list', async () => {
    const handler = failingHandler(() => {
      throw new Error('x'.repeat(100_000));
    });
    const { lines } = await invoke(handler);
    const line = JSON.parse(lines[0]!) as { error: { message: string } };
    expect(line.error.message).toBe(`${'x'.repeat(2_000)}…`);
  });
});
