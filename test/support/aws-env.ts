// Source credentials for the SDK's default chain while a test file runs
// (the double only checks that requests are signed, with which key).
import { afterAll, beforeAll } from 'vitest';
import { TEST_CREDENTIALS } from './aws/index.ts';

export function useTestCredentials(): void {
  const saved = { id: process.env['AWS_ACCESS_KEY_ID'], secret: process.env['AWS_SECRET_ACCESS_KEY'], token: process.env['AWS_SESSION_TOKEN'] };
  beforeAll(() => {
    process.env['AWS_ACCESS_KEY_ID'] = TEST_CREDENTIALS.accessKeyId;
    process.env['AWS_SECRET_ACCESS_KEY'] = TEST_CREDENTIALS.secretAccessKey;
    delete process.env['AWS_SESSION_TOKEN'];
  });
  afterAll(() => {
    for (const [key, value] of [['AWS_ACCESS_KEY_ID', saved.id], ['AWS_SECRET_ACCESS_KEY', saved.secret], ['AWS_SESSION_TOKEN', saved.token]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });
}
