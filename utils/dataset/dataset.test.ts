import { describe, expect, it } from 'vitest';
import { DatasetError, parseDataset, parseDatasetCsv, parseDatasetJson, toStoredRecommendation, type DatasetProgress } from './index';
import { readResponse, readSession, readThemes } from './values';

const HEADER = 'Recommendation,Recommending State,State under Review,Session,Response';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');

async function rejection(promise: Promise<unknown>): Promise<DatasetError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DatasetError);
  return error as DatasetError;
}

describe('parseDatasetCsv: headers', () => {
  it.each([
    ['UPR Info names', 'Recommendation,Recommending State,State under Review,Session,Response'],
    ['other names, semicolons', 'Text;Recommending state(s);SuR;UPR session;Position'],
    ['tabs and a "From" column', 'Recommendation text\tFrom\tCountry\tSession\tStatus'],
    ['capitals, pipes and padding', ' RECOMMENDATION | RECOMMENDING STATE | STATE UNDER REVIEW (SuR) | Session | Response '],
    ['French names', 'Recommandation;État recommandant;État examiné;Session;Réponse'],
    ['Spanish names, other order', 'Estado examinado,Respuesta,Recomendación,Sesión,Estado recomendante'],
  ])('reads %s', async (_, header) => {
    const delimiter = header.includes('\t') ? '\t' : header.includes('|') ? '|' : header.includes(';') ? ';' : ',';
    const names = header.split(delimiter).map((h) => h.trim());
    const value: Record<string, string> = {};
    const order = ['text', 'recommending', 'sur', 'session', 'response'];
    const spanish = names[0] === 'Estado examinado';
    const fields = spanish ? ['sur', 'response', 'text', 'session', 'recommending'] : order;
    value.text = 'Ratify the Optional Protocol to the Convention against Torture';
    value.recommending = 'United Kingdom';
    value.sur = 'Kazakhstan';
    value.session = '34';
    value.response = 'Supported';
    const row = fields.map((f) => value[f]).join(delimiter);
    const { rows, skipped } = await parseDatasetCsv(`${header}\n${row}\n`);
    expect(skipped).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        text: 'Ratify the Optional Protocol to the Convention against Torture',
        recommendingState: 'United Kingdom',
        recommendingStateCode: 'GBR',
        stateUnderReview: 'Kazakhstan',
        stateUnderReviewCode: 'KAZ',
        session: 34,
        cycle: 3,
        language: null,
        actionCategory: 5,
        themes: ['International instruments', 'Torture and other cruel, inhuman or degrading treatment'],
        response: 'supported',
        // The response is the file's; the category and themes were computed here.
        dataset: { name: 'CSV', actionCategory: false, themes: false, response: true, reportSymbol: null, paragraph: null },
      },
    ]);
  });

  it('finds the header below title lines and counts lines as a spreadsheet does', async () => {
    const text = ['UPR Info database export', 'Generated 2024-01-01', '', HEADER, 'Abolish the death penalty,France,Kazakhstan,20,Noted'].join('\n');
    const { rows } = await parseDatasetCsv(text);
    expect(rows.map((r) => [r.line, r.recommendingStateCode, r.response, r.cycle])).toEqual([[5, 'FRA', 'noted', 2]]);
  });

  it('takes a cycle column when there is no session', async () => {
    const { rows } = await parseDatasetCsv('Recommendation,Recommending State,State under Review,Cycle\nAbolish the death penalty,France,Romania,Cycle 2\n');
    expect(rows[0]).toMatchObject({ session: null, cycle: 2, response: null });
  });

  it('uses given issues and action categories, and classifies when they are missing', async () => {
    const text = [
      'Recommendation,Recommending State,State under Review,Session,Response,Issues,Action category',
      '"Adopt a law on domestic violence",Norway,Kazakhstan,34,Supported,"Women\'s rights; Economic, social and cultural rights – general",4',
      '"Continue to combat trafficking in persons",Norway,Kazakhstan,34,Supported,,',
    ].join('\n');
    const { rows } = await parseDatasetCsv(text);
    expect(rows.map((r) => [r.actionCategory, r.themes])).toEqual([
      [4, ["Women's rights", 'Economic, social and cultural rights – general']],
      [2, ['Trafficking']],
    ]);
  });

  it.each([
    ['no text column', 'Recommending State,State under Review,Session\nFrance,Kazakhstan,34', /no column for the recommendation text/],
    ['no session or cycle column', 'Recommendation,Recommending State,State under Review\nRatify it,France,Kazakhstan', /no column for the session or cycle/],
    ['prose', 'Dear colleagues,\nplease find attached the statement.\nBest regards', /not a recommendations dataset/],
  ])('refuses a file with %s', async (_, text, message) => {
    const error = await rejection(parseDatasetCsv(text));
    expect(error.message).toMatch(message);
  });

  it('names the columns it found when it refuses a file', async () => {
    const error = await rejection(parseDatasetCsv('Name,Email\nAda,ada@example.org'));
    expect(error.message).toContain('"Name", "Email"');
  });
});

describe('parseDatasetCsv: rows', () => {
  it.each([
    ['', 'France', 'Kazakhstan', '34', 'no recommendation text'],
    ['Ratify the OPCAT', 'France', 'Atlantis', '34', 'unknown state under review "Atlantis"'],
    ['Ratify the OPCAT', '', 'Kazakhstan', '34', 'no recommending state'],
    ['Ratify the OPCAT', 'France', 'Kazakhstan', '2019', 'session "2019" is not a UPR Working Group session'],
    ['Ratify the OPCAT', 'France', 'Kazakhstan', '', 'no session or cycle'],
    ['=HYPERLINK("http://evil.example","Ratify")', 'France', 'Kazakhstan', '34', 'recommendation text starts with "=", which spreadsheets run as a formula'],
    ['+1+2', 'France', 'Kazakhstan', '34', 'recommendation text starts with "+", which spreadsheets run as a formula'],
    ['-2+3+cmd|calc', 'France', 'Kazakhstan', '34', 'recommendation text starts with "-", which spreadsheets run as a formula'],
    ['@SUM(A1:A9)', 'France', 'Kazakhstan', '34', 'recommendation text starts with "@", which spreadsheets run as a formula'],
    ['<script>alert(1)</script>Ratify the OPCAT', 'France', 'Kazakhstan', '34', 'recommendation text contains HTML or script markup'],
    ['Ratify the <img src=x onerror=alert(1)> OPCAT', 'France', 'Kazakhstan', '34', 'recommendation text contains HTML or script markup'],
    ['12345', 'France', 'Kazakhstan', '34', 'recommendation text "12345" has no words'],
    ['Ratify the OPCAT', '=cmd|calc', 'Kazakhstan', '34', 'recommending state "=cmd|calc" is not a state name'],
    ['Ratify the OPCAT', 'Kazakhstan', 'Kazakhstan', '34', 'Kazakhstan cannot recommend to itself'],
    ['x'.repeat(20_001), 'France', 'Kazakhstan', '34', 'recommendation text longer than 20,000 characters'],
  ])('skips %j / %j / %j / %j: %s', async (text, from, sur, session, reason) => {
    const good = 'Abolish the death penalty,France,Kazakhstan,34,Supported';
    const row = [text, from, sur, session, 'Supported'].map((c) => `"${c.replace(/"/g, '""')}"`).join(',');
    const result = await parseDatasetCsv(csv(good, row));
    expect(result.rows).toHaveLength(1);
    expect(result.skipped).toEqual([{ line: 3, reason }]);
    expect(result.skippedCount).toBe(1);
  });

  it('skips a session that contradicts the cycle', async () => {
    const result = await parseDatasetCsv(
      'Recommendation,Recommending State,State under Review,Session,Cycle\nAbolish the death penalty,France,Kazakhstan,34,3\nRatify the OPCAT,France,Kazakhstan,34,2',
    );
    expect(result.skipped).toEqual([{ line: 3, reason: 'session 34 belongs to cycle 3, not cycle 2' }]);
  });

  it('keeps a joint recommendation named in one cell as one recommendation of both states', async () => {
    const { rows } = await parseDatasetCsv(csv('Abolish the death penalty,"France; Germany",Kazakhstan,34,Supported'));
    expect(rows.map((r) => [r.recommendingState, r.recommendingStateCode, r.recommendingStates])).toEqual([
      ['France, Germany', 'FRA', [{ name: 'France', code: 'FRA' }, { name: 'Germany', code: 'DEU' }]],
    ]);
  });

  it('keeps a recommending entity that is not a state, without a code', async () => {
    const { rows } = await parseDatasetCsv(csv('Abolish the death penalty,European Union,Kazakhstan,34,Supported'));
    expect(rows[0]).toMatchObject({ recommendingState: 'European Union', recommendingStateCode: null });
  });

  it('skips the same recommendation given twice, ignores blank lines and strips list markers', async () => {
    const result = await parseDatasetCsv(csv('- Abolish the death penalty,France,Kazakhstan,34,Supported', '', ' , , , , ', 'Abolish the death penalty.,France,Kazakhstan,34,Noted'));
    expect(result.rows.map((r) => r.text)).toEqual(['Abolish the death penalty']);
    expect(result.skipped).toEqual([{ line: 5, reason: 'same recommendation as line 2' }]);
  });

  it('skips a row whose quote is never closed', async () => {
    const result = await parseDatasetCsv(csv('Abolish the death penalty,France,Kazakhstan,34,Supported', '"Ratify the OPCAT,France,Kazakhstan,34,Supported'));
    expect(result.rows).toHaveLength(1);
    expect(result.skipped[0]?.reason).toMatch(/quote is not closed/);
  });

  it('strips control and bidi characters from the text', async () => {
    const { rows } = await parseDatasetCsv(csv('Abolish\u0007 the\u202e death penalty,France,Kazakhstan,34,Supported'));
    expect(rows[0]?.text).toBe('Abolish the death penalty');
  });

  it('throws when no row can be used, quoting the reasons', async () => {
    const error = await rejection(parseDatasetCsv(csv('Ratify,France,Atlantis,34,Supported')));
    expect(error.message).toBe('No recommendation could be read from this file. For example: unknown state under review "Atlantis".');
  });

  it('lists at most 1,000 skipped rows but counts them all', async () => {
    const bad = Array.from({ length: 1_200 }, (_, i) => `Ratify ${i},France,Atlantis,34,Supported`);
    const result = await parseDatasetCsv(csv('Abolish the death penalty,France,Kazakhstan,34,Supported', ...bad));
    expect(result.skipped).toHaveLength(1_000);
    expect(result.skippedCount).toBe(1_200);
  });
});

describe('parseDatasetCsv: hostile and broken files', () => {
  it.each([
    ['empty', '', /empty/],
    ['blank', ' \n\n ', /empty/],
    ['binary with NUL bytes', 'Recommendation\u0000\u0001\u0002,State', /binary/],
    ['a PDF', '%PDF-1.7\n%âãÏÓ', /PDF/],
    ['undecodable text', '\ufffd'.repeat(200) + 'abc', /not readable text/],
  ])('refuses %s', async (_, text, message) => {
    expect((await rejection(parseDatasetCsv(text))).message).toMatch(message);
  });

  it('refuses an Excel workbook given as a file', async () => {
    const xlsx = new Blob([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00])]);
    expect((await rejection(parseDatasetCsv(xlsx))).message).toMatch(/Save it as "CSV UTF-8"/);
  });

  it('refuses 50 MB of garbage quickly, with or without line breaks', async () => {
    const block = 'lorem,ipsum;dolor "sit" amet\tconsectetur|adipiscing '.repeat(20_000);
    const garbage = block.repeat(Math.ceil(50_000_000 / block.length));
    expect((await rejection(parseDatasetCsv(garbage))).message).toMatch(/first line runs on/);
    const lines = garbage.replace(/amet/g, 'amet\n');
    expect((await rejection(parseDatasetCsv(lines))).message).toMatch(/not a recommendations dataset/);
  });

  it('stops at a quote that swallows the rest of a large file', async () => {
    const rest = 'Abolish the death penalty,France,Kazakhstan,34,Supported\n'.repeat(40_000);
    const error = await rejection(parseDatasetCsv(csv(`"Ratify the OPCAT,France,Kazakhstan,34,Supported\n${rest}`)));
    expect(error.message).toBe('Line 2 never ends: a quote is opened and not closed, or the line is longer than a megabyte.');
  });

  it('reads a Windows-1252 file as Excel saves it', async () => {
    const text = csv("Garantir l'accès à l'éducation,France,Côte d'Ivoire,19,Acceptée");
    const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0));
    const { rows } = await parseDatasetCsv(new Blob([bytes]));
    expect(rows[0]).toMatchObject({ text: "Garantir l'accès à l'éducation", stateUnderReviewCode: 'CIV', response: 'supported' });
  });

  it('reads a UTF-8 file with a byte-order mark', async () => {
    const { rows } = await parseDatasetCsv(new Blob(['\ufeff' + csv('Abolish the death penalty,France,Kazakhstan,34,Supported')]));
    expect(rows).toHaveLength(1);
  });
});

describe('a hostile dataset gets a message, and its bad rows are not stored', () => {
  const GOOD = 'Ratify the Optional Protocol to the Convention against Torture,France,Kazakhstan,34,Supported';
  const THEMED = 'Recommendation,Recommending State,State under Review,Session,Response,Issues';

  it('skips a row whose issue cell lists thousands of issues, and reads the others', { timeout: 30_000 }, async () => {
    const commas = `"${'Women’s rights,'.repeat(3_000)}"`;
    const semicolons = `"${'Detention;'.repeat(500)}"`;
    const text = [THEMED, `${GOOD},Detention`, `Abolish the death penalty,Chile,Kazakhstan,34,Noted,${commas}`, `Guarantee freedom of assembly,Chile,Kazakhstan,34,Noted,${semicolons}`].join('\n');
    const { rows, skipped } = await parseDatasetCsv(text);
    expect(rows.map((r) => r.themes)).toEqual([['Detention']]);
    expect(skipped).toEqual([
      { line: 3, reason: 'an issue list longer than 10,000 characters' },
      { line: 4, reason: 'more than 100 issues listed' },
    ]);
  });

  it('refuses a file of a thousand columns, and skips a row of more than 200 cells', async () => {
    const wide = Array.from({ length: 1_000 }, (_, i) => `Column ${i}`).join(',');
    expect((await rejection(parseDatasetCsv(`${HEADER},${wide}\n${GOOD}\n`))).message).toBe('This file has 1,005 columns; a dataset has at most 200, so nothing was imported.');
    const { rows, skipped } = await parseDatasetCsv(csv(GOOD, `Abolish the death penalty,Chile,Kazakhstan,34,Noted${',x'.repeat(300)}`));
    expect(rows).toHaveLength(1);
    expect(skipped).toEqual([{ line: 3, reason: 'more than 200 columns' }]);
  });

  it('skips a JSON row with a cell of 200,000 characters or 300 fields, and refuses a nested file before parsing it', async () => {
    const row = { Recommendation: 'Ratify the Optional Protocol to the Convention against Torture', 'Recommending State': 'France', 'State under Review': 'Kazakhstan', Session: 34 };
    const extra = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`field ${i}`, i]));
    const list = [row, { ...row, Recommendation: 'Abolish the death penalty', 'Document symbol': 'A'.repeat(200_000) }, { ...row, Recommendation: 'Guarantee freedom of assembly', ...extra }];
    const { rows, skipped } = parseDatasetJson(JSON.stringify(list));
    expect(rows.map((r) => r.text)).toEqual([row.Recommendation]);
    expect(skipped).toEqual([
      { line: 2, reason: 'the report symbol ("Document Symbol") is longer than 100,000 characters' },
      { line: 3, reason: 'more than 200 fields' },
    ]);
    const deep = `[${'['.repeat(100_000)}${']'.repeat(100_000)}]`;
    expect(() => parseDatasetJson(deep)).toThrow(new DatasetError('This JSON file is nested more than 16 levels deep; a dataset is a list of flat records.'));
  });
});

describe('parseDatasetCsv: progress', () => {
  it('reports rising progress up to 1 and yields between chunks', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `Abolish the death penalty ${i},France,Kazakhstan,34,Supported`);
    const seen: DatasetProgress[] = [];
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 0);
    const result = await parseDatasetCsv(csv(...rows), { onProgress: (p) => seen.push(p) });
    clearInterval(timer);
    expect(result.rows).toHaveLength(20_000);
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.map((p) => p.fraction)).toEqual([...seen.map((p) => p.fraction)].sort((a, b) => a - b));
    expect(seen.at(-1)).toEqual({ fraction: 1, rows: 20_000 });
    expect(ticks).toBeGreaterThan(0);
  });

  it('stops when cancelled', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `Abolish the death penalty ${i},France,Kazakhstan,34,Supported`);
    const controller = new AbortController();
    const error = await rejection(parseDatasetCsv(csv(...rows), { signal: controller.signal, onProgress: () => controller.abort() }));
    expect(error.message).toBe('Import cancelled.');
  });
});

describe('parseDatasetJson', () => {
  it('reads an array of objects with flexible keys and a themes array', () => {
    const { rows, skipped } = parseDatasetJson(
      JSON.stringify([
        { recommendation: 'Abolish the death penalty', 'Recommending State': 'France', SuR: 'KAZ', session: 34, response: 'accepted', issues: ['Death penalty'] },
        { recommendation: 'Ratify the OPCAT', 'Recommending State': 'France', SuR: 'Atlantis', session: 34 },
        'not an object',
      ]),
    );
    expect(rows).toMatchObject([{ line: 1, stateUnderReviewCode: 'KAZ', session: 34, cycle: 3, response: 'supported', themes: ['Death penalty'] }]);
    expect(skipped).toEqual([
      { line: 2, reason: 'unknown state under review "Atlantis"' },
      { line: 3, reason: 'not an object' },
    ]);
  });

  it('reads the list under a "recommendations" key', () => {
    const { rows } = parseDatasetJson(JSON.stringify({ recommendations: [{ text: 'Abolish the death penalty', from: 'France', country: 'Romania', cycle: 3 }] }));
    expect(rows[0]).toMatchObject({ stateUnderReviewCode: 'ROU', cycle: 3, session: null });
  });

  it.each([
    ['invalid JSON', '{"recommendations": [', /not valid JSON/],
    ['no list', '{"a": 1}', /no list of recommendations/],
    ['no objects', '[1, 2, 3]', /no recommendation objects/],
    ['missing fields', '[{"text": "Abolish the death penalty"}]', /no column for the recommending state/],
    ['prototype keys', '[{"__proto__": {"text": "x"}, "constructor": 1}]', /no column/],
  ])('refuses %s', (_, text, message) => {
    expect(() => parseDatasetJson(text)).toThrow(DatasetError);
    expect(() => parseDatasetJson(text)).toThrow(message);
  });
});

describe('parseDataset', () => {
  it('tells JSON from CSV by the first character', async () => {
    const json = await parseDataset(' [{"Recommendation": "Abolish the death penalty", "From": "France", "Country": "Kazakhstan", "Session": "UPR 34"}]');
    const fromCsv = await parseDataset(csv('Abolish the death penalty,France,Kazakhstan,34,Supported'));
    expect(json.rows[0]?.session).toBe(34);
    expect(fromCsv.rows[0]?.session).toBe(34);
  });
});

describe('cell readers', () => {
  it.each([
    ['Supported', 'supported'], ['Accepted', 'supported'], ['acceptée', 'supported'], ['Aceptada', 'supported'],
    ['Noted', 'noted'], ['Rejected', 'noted'], ['Not accepted', 'noted'], ['Partially accepted', 'noted'], ['Rechazada', 'noted'],
    ['Pending', null], ['', null], ['Supported/Noted?', 'noted'],
  ])('response %j → %j', (raw, response) => expect(readResponse(raw)).toBe(response));

  it.each([
    ['34', { session: 34, cycle: 3 }], ['UPR 34', { session: 34, cycle: 3 }], ['34th session', { session: 34, cycle: 3 }],
    ['Session 41 (Nov 2022)', { session: 41, cycle: 4 }], ['Cycle 2', { session: null, cycle: 2 }], ['1er cycle', { session: null, cycle: 1 }],
  ])('session %j → %j', (raw, value) => expect(readSession(raw)).toEqual({ ok: true, value }));

  it('reads issue lists with commas inside names', () => {
    expect(readThemes('Civil society, Economic, social and cultural rights – general, Unknown issue | Detention')).toEqual([
      'Civil society',
      'Economic, social and cultural rights – general',
      'Detention',
    ]);
  });
});

describe('toStoredRecommendation', () => {
  it('gives an imported row its stable id and marks it as imported', async () => {
    const { rows } = await parseDatasetCsv(csv('Abolish the death penalty,France,Kazakhstan,34,Supported'));
    const stored = await toStoredRecommendation(rows[0]!, 1_700_000_000_000);
    expect(stored).toMatchObject({ source: 'import', pageUrl: null, selector: null, n: 0, createdAt: 1_700_000_000_000, updatedAt: 1_700_000_000_000 });
    expect(stored.id).toMatch(/^r[0-9a-f]{24}$/);
    expect(stored).not.toHaveProperty('line');
    const again = await toStoredRecommendation({ ...rows[0]!, text: 'ABOLISH  the death penalty;' }, 0);
    expect(again.id).toBe(stored.id);
  });
});
