import { describe, expect, it } from 'vitest';
import { recommendationId } from '@/utils/model';
import { decode, decodeDataset, DatasetError, parseDataset, summarizeRecord, toStoredRecommendation } from './index';

/** Bytes from ASCII text with `{xx}` for a raw byte, so a fixture shows exactly what is in the file. */
function bytesOf(template: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < template.length; i++) {
    if (template[i] === '{' && template[i + 3] === '}') {
      out.push(parseInt(template.slice(i + 1, i + 3), 16));
      i += 3;
    } else out.push(template.charCodeAt(i));
  }
  return Uint8Array.from(out);
}

const utf16 = (text: string, order: 'le' | 'be', mark = true) => {
  const out = mark ? [order === 'le' ? 0xff : 0xfe, order === 'le' ? 0xfe : 0xff] : [];
  for (const unit of Array.from(text, (c) => c.charCodeAt(0))) out.push(...(order === 'le' ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff]));
  return Uint8Array.from(out);
};

describe('decode', () => {
  it.each([
    ['Mac Roman (UPR Info export)', "To,Text\rC{99}te d'Ivoire,Renforcer le d{8e}veloppement{0d}Chad,Bring Mr. Hiss{8f}ne Habr{8e} to justice", 'Mac Roman', "Côte d'Ivoire,Renforcer le développement"],
    ['Windows-1252 (Excel on Windows)', "Garantir l'acc{e8}s {e0} l'{e9}ducation, the State{92}s duty, {93}quoted{94}", 'Windows-1252', "Garantir l'accès à l'éducation, the State’s duty, “quoted”"],
    ['Windows-1252 apostrophes only', 'women{92}s rights and the child{92}s', 'Windows-1252', 'women’s rights and the child’s'],
    ['UTF-8', 'C\u00f4te', 'UTF-8', 'Côte'],
  ])('reads %s', (_, template, encoding, expected) => {
    const bytes = template === 'C\u00f4te' ? new TextEncoder().encode(template) : bytesOf(template);
    const decoded = decode(bytes);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toContain(expected);
  });

  it('names a UTF-8 byte-order mark and drops it', () => {
    expect(decode(Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Côte')]))).toEqual({ text: 'Côte', encoding: 'UTF-8 with BOM' });
  });

  it.each([
    ['le', true, 'UTF-16LE'],
    ['be', true, 'UTF-16BE'],
    ['le', false, 'UTF-16LE'],
  ] as const)('reads UTF-16 %s (mark: %s)', (order, mark, encoding) => {
    expect(decode(utf16("Recommendation,State under Review\nRenforcer,Côte d'Ivoire", order, mark))).toEqual({
      text: "Recommendation,State under Review\nRenforcer,Côte d'Ivoire",
      encoding,
    });
  });

  it('never reads a byte Windows-1252 leaves undefined as Windows-1252', () => {
    expect(decode(bytesOf('Caf{8e} {81}')).encoding).toBe('Mac Roman');
  });

  it('refuses a workbook before decoding it', () => {
    expect(() => decodeDataset(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0]))).toThrow(DatasetError);
  });
});

// The UPR Info database export: short headers, Mac Roman, bare CR line endings, no final newline, one row per
// recommending state of a joint recommendation, comma-joined issues and organisations.
const UPR_INFO_HEADER = 'To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session';
const UPR_INFO_ROWS = [
  'C{99}te d\'Ivoire,Africa,"AU, OIF","Ratify the Optional Protocol to the Convention against Torture.",France,WEOG,"EU, OIF",Accepted,5,"International instruments,Torture and other CID treatment",6',
  'C{99}te d\'Ivoire,Africa,"AU, OIF","Ratify the Optional Protocol to the Convention against Torture.",Brazil,GRULAC,"OAS, OEI",Accepted,5,"International instruments,Torture and other CID treatment",6',
  'C{99}te d\'Ivoire,Africa,"AU, OIF",Continue to strengthen the NHRI,Bosnia & Herzegovina,EEG,,Noted,2,"NHRI,ESC rights - general",6',
  'Indonesia,Asia,"ASEAN, OIC",It was recommended that additional capacity-building measures be taken,&#40;Unknown&#41;,&#40;Unknown&#41;,&#40;Unknown&#41;,Accepted,4,"Rights of the Child,Women\'s rights",1',
];

describe('the UPR Info database export', () => {
  it.each([
    ['bare CR, no final newline', '\r', ''],
    ['LF', '\n', '\n'],
    ['CRLF', '\r\n', '\r\n'],
  ])('reads every row with %s line endings, joint rows as one recommendation', async (_, eol, last) => {
    const decoded = decode(bytesOf([UPR_INFO_HEADER, ...UPR_INFO_ROWS].join(eol) + last));
    expect(decoded.encoding).toBe('Mac Roman');
    const result = await parseDataset(decoded.text, { fileName: '6-9.csv' });
    expect(result).toMatchObject({ format: 'upr-info', read: 4, skipped: [], skippedCount: 0 });
    expect(result.rows.map(summarizeRecord)).toEqual([
      {
        line: 2,
        stateUnderReview: 'CIV',
        recommendingStates: ['FRA', 'BRA'],
        session: 6,
        cycle: 1,
        text: 'Ratify the Optional Protocol to the Convention against Torture.',
        response: 'supported',
        category: 5,
        themes: ['International instruments', 'Torture and other cruel, inhuman or degrading treatment'],
        reportSymbol: null,
        paragraph: null,
      },
      expect.objectContaining({ recommendingStates: ['BIH'], category: 2, response: 'noted', themes: ['National human rights institution', 'Economic, social and cultural rights – general'] }),
      // A recommendation the report did not attribute is kept, with no recommending state.
      expect.objectContaining({ stateUnderReview: 'IDN', recommendingStates: [], category: 4, themes: ['Rights of the child', "Women's rights"] }),
    ]);
    expect(result.rows[0]).toMatchObject({ recommendingState: 'France, Brazil', recommendingStateCode: 'FRA', stateUnderReview: "Côte d'Ivoire" });
    expect(result.rows[0]!.dataset).toEqual({ name: 'UPR Info database export: 6-9.csv', actionCategory: true, themes: true, response: true, reportSymbol: null, paragraph: null });
  });

  it("reads UPR Info's web export (long header names, semicolon-separated issues, UTF-8 with BOM)", async () => {
    const text = [
      'State under Review,Recommending State,Recommendation,Response,Action Category,Issues,Session,Cycle',
      'Kazakhstan,Norway,Adopt a law on domestic violence,Supported,5 - Specific action,"Women\'s rights; Rights of the Child",20,2',
      'Kazakhstan,Sweden,Adopt a law on domestic violence,Supported,5 - Specific action,"Women\'s rights; Rights of the Child",20,2',
    ].join('\r\n');
    const decoded = decode(Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]));
    expect(decoded.encoding).toBe('UTF-8 with BOM');
    const result = await parseDataset(decoded.text);
    expect(result.format).toBe('upr-info');
    expect(result.rows.map(summarizeRecord)).toEqual([
      expect.objectContaining({ stateUnderReview: 'KAZ', recommendingStates: ['NOR', 'SWE'], session: 20, cycle: 2, category: 5, themes: ["Women's rights", 'Rights of the child'] }),
    ]);
  });

  it('still skips the same state giving the same recommendation twice', async () => {
    const text = [UPR_INFO_HEADER, 'Chad,Africa,,Abolish the death penalty,France,WEOG,EU,Noted,5,Death penalty,5', 'Chad,Africa,,Abolish the death penalty,France,WEOG,EU,Noted,5,Death penalty,5'].join('\r');
    const result = await parseDataset(text);
    expect(result.rows).toHaveLength(1);
    expect(result.skipped).toEqual([{ line: 3, reason: 'same recommendation as line 2' }]);
  });

  it('keeps the id a one-state recommendation always had, and gives a joint one the same id whichever state came first', async () => {
    const one = await parseDataset([UPR_INFO_HEADER, 'Chad,Africa,,Abolish the death penalty,France,WEOG,EU,Noted,5,Death penalty,5'].join('\n'));
    const stored = await toStoredRecommendation(one.rows[0]!, 0);
    expect(stored.id).toBe(await recommendationId('Abolish the death penalty', { recommendingStateCode: 'FRA', stateUnderReviewCode: 'TCD', session: 5 }));
    expect(stored.id).toBe('r816211658e5c746ac86e4f08');
    const joint = (first: string, second: string) =>
      parseDataset([UPR_INFO_HEADER, `Chad,Africa,,Abolish the death penalty,${first},,,Noted,5,,5`, `Chad,Africa,,Abolish the death penalty,${second},,,Noted,5,,5`].join('\n'));
    const a = await toStoredRecommendation((await joint('France', 'Brazil')).rows[0]!, 0);
    const b = await toStoredRecommendation((await joint('Brazil', 'France')).rows[0]!, 0);
    expect(a.id).toBe(b.id);
    expect(a.id).not.toBe(stored.id);
  });
});

// OHCHR's Universal Human Rights Index: "- " before every value, several values on separate lines, treaty bodies'
// recommendations beside the UPR's, the paragraph number in front of the text and the attribution after it.
describe('the UHRI export', () => {
  const header = 'Text,Countries Concerned,Reccomending Body,Document Symbol,Themes,UPR Reccomending States,UPR Position,UPR Session,OHCHR Annotation Id';
  const rows = [
    '"140.7 Ratify the Optional Protocol to the International Covenant on Economic, Social and Cultural Rights (Maldives) (Portugal);","- Slovenia","- UPR","A/HRC/59/15","- Right to education","- Maldives\n- Portugal","- Supported","48th session",b4288060',
    '"49. The Committee recommends that the State party adopt a law","- Iraq","- CEDAW","CEDAW/C/IRQ/CO/8","- Discrimination against women",,,,c5399171',
    '"140.9 Consider acceding to the Optional Protocol (ICESCR) (Rwanda);","- Slovenia","- UPR","A/HRC/59/15",,"- Rwanda","- Noted","48",d6400282',
  ];

  it('reads the UPR recommendations with their report symbol, paragraph and response, and skips the others', async () => {
    const result = await parseDataset([header, ...rows].join('\r\n'), { fileName: 'uhri.csv' });
    expect(result.format).toBe('uhri');
    expect(result.rows.map(summarizeRecord)).toEqual([
      {
        line: 2,
        stateUnderReview: 'SVN',
        recommendingStates: ['MDV', 'PRT'],
        session: 48,
        cycle: 4,
        text: 'Ratify the Optional Protocol to the International Covenant on Economic, Social and Cultural Rights',
        response: 'supported',
        category: 5,
        themes: ['Right to education'],
        reportSymbol: 'A/HRC/59/15',
        paragraph: '140.7',
      },
      expect.objectContaining({ recommendingStates: ['RWA'], text: 'Consider acceding to the Optional Protocol (ICESCR)', category: 3, response: 'noted', paragraph: '140.9' }),
    ]);
    expect(result.rows[0]!.dataset).toMatchObject({ name: 'OHCHR Universal Human Rights Index (UHRI) export: uhri.csv', actionCategory: false, themes: true, response: true });
    expect(result.skipped).toEqual([{ line: 3, reason: 'a recommendation of CEDAW, not of the UPR' }]);
  });
});

describe('our own CSV export', () => {
  it('is recognised and read back', async () => {
    const text = [
      'Row type,State under review,State under review code,Recommending state,Recommending state code,Session,Cycle,Recommendation ID,Recommendation,Response,Action category,Themes',
      'recommendation,Kazakhstan,KAZ,Canada,CAN,34,3,r0123456789abcdef01234567,Ratify the OPCAT,Supported,5,International instruments',
      'page note,Kazakhstan,KAZ,Canada,CAN,34,3,,,,,',
    ].join('\r\n');
    const result = await parseDataset(text);
    expect(result.format).toBe('upr-annotator');
    expect(result.rows.map(summarizeRecord)).toEqual([expect.objectContaining({ stateUnderReview: 'KAZ', recommendingStates: ['CAN'], category: 5, themes: ['International instruments'] })]);
    expect(result.skipped).toEqual([{ line: 3, reason: 'no recommendation text' }]);
  });
});
