// The layer rules of DESIGN.md's Layout, as .dependency-cruiser.cjs encodes
// them: the real tree has no violation, and a tree that breaks a layer (a
// type-only import included) fails with the offending import named.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../support/vantage-cli.ts';

const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const DEPCRUISE = join(ROOT, 'node_modules', '.bin', 'depcruise');

function cruise(cwd: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(DEPCRUISE, ['--config', CONFIG, '--output-type', 'err', 'src', 'functions', 'infra'], { cwd }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` });
    });
  });
}

const scratch = mkdtempSync(join(tmpdir(), 'vantage-layers-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(scratch, 'tree-'));
  for (const top of ['src', 'functions', 'infra']) mkdirSync(join(dir, top));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('layer rules', () => {
  it('find no violation in the project itself', async () => {
    const { code, out } = await cruise(ROOT);
    expect(out).toContain('no dependency violations found');
    expect(code).toBe(0);
  });

  it('name each import that points up a layer, type-only imports included', async () => {
    const dir = tree({
      'src/report/summary.ts': "import type { Plan } from '../alarms/plan.ts';\nexport type Summary = Plan;\n",
      'src/alarms/plan.ts': 'export type Plan = { name: string };\n',
      'src/agreement/lag.ts': "import { round } from '../engine/round.ts';\nexport const lag = round;\n",
      'src/engine/round.ts': 'export const round = 1;\n',
    });
    const { code, out } = await cruise(dir);
    expect(code).not.toBe(0);
    expect(out).toContain('layer:src/report: src/report/summary.ts → src/alarms/plan.ts');
    expect(out).toContain('layer:src/agreement: src/agreement/lag.ts → src/engine/round.ts');
  });

  it("keep infra on functions/common/ and the two handlers apart", async () => {
    const dir = tree({
      'infra/stack.ts': "import { handler } from '../functions/probe/handler.ts';\nexport const h = handler;\n",
      'functions/probe/handler.ts': "import { feed } from '../status/feed.ts';\nexport const handler = feed;\n",
      'functions/status/feed.ts': 'export const feed = 1;\n',
    });
    const { out } = await cruise(dir);
    expect(out).toContain('infra-only-functions-common: infra/stack.ts → functions/probe/handler.ts');
    expect(out).toContain('handlers-apart: functions/probe/handler.ts → functions/status/feed.ts');
  });

  it('refuse a src/ folder that has no place among the layers', async () => {
    const dir = tree({ 'src/widgets/w.ts': "import { r } from '../report/r.ts';\nexport const w = r;\n", 'src/report/r.ts': 'export const r = 1;\n' });
    const { out } = await cruise(dir);
    expect(out).toContain('every-src-folder-has-a-layer: src/widgets/w.ts → src/report/r.ts');
  });

  it('find a cycle between files', async () => {
    const dir = tree({
      'src/status/a.ts': "import { b } from './b.ts';\nexport const a = () => b;\n",
      'src/status/b.ts': "import { a } from './a.ts';\nexport const b = () => a;\n",
    });
    const { out } = await cruise(dir);
    expect(out).toMatch(/no-cycles: src\/status\/[ab]\.ts →\s+src\/status\/[ab]\.ts →\s+src\/status\/[ab]\.ts/);
  });
});
