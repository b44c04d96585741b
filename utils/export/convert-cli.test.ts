// scripts/convert.ts, run as a user would (through tsx): same output as the builders' golden files, clear errors.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_PATH, GOLDEN_DIR } from './export.test-support';

const ROOT = join(__dirname, '../..');

function convert(...args: string[]) {
  const run = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/convert.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run convert', { timeout: 60_000 }, () => {
  it.each([
    ['json', 'backup.json'],
    ['md', 'backup.md'],
    ['w3c', 'backup.w3c.json'],
  ])('--to %s prints the golden output', (format, golden) => {
    const { code, stdout, stderr } = convert(EXAMPLE_PATH, '--to', format);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(readFileSync(join(GOLDEN_DIR, golden), 'utf8'));
  });

  it('--to csv prints the CSV (no cross-reference counts without the extension’s index)', () => {
    const { code, stdout } = convert(EXAMPLE_PATH, '--to=csv');
    expect(code).toBe(0);
    expect(stdout.startsWith('\uFEFFRow type,')).toBe(true);
  });

  it('fails with a message and a non-zero code on bad input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'upr-convert-'));
    try {
      writeFileSync(join(dir, 'v2.json'), '{"format": "upr-annotator-backup", "version": 2}');
      writeFileSync(join(dir, 'other.json'), '{"name": "x"}');
      expect(convert(join(dir, 'v2.json'), '--to', 'md')).toMatchObject({ code: 1, stdout: '', stderr: expect.stringContaining('made by a newer version of UPR Annotator') });
      expect(convert(join(dir, 'other.json'), '--to', 'md')).toMatchObject({ code: 1, stderr: expect.stringContaining('This is not a UPR Annotator backup.') });
      expect(convert(join(dir, 'missing.json'), '--to', 'md')).toMatchObject({ code: 1, stderr: expect.stringContaining('no such file') });
      expect(convert(EXAMPLE_PATH, '--to', 'xlsx')).toMatchObject({ code: 2, stderr: expect.stringContaining('Unknown format "xlsx"') });
      expect(convert('--to', 'md')).toMatchObject({ code: 2, stderr: expect.stringContaining('usage:') });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
