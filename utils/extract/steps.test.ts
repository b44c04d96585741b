// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractStatement, extractStatementInSteps, PREVIEW_CHARS, previewStatement, textOutlineInSteps, type Extraction } from './index';

const URL = 'https://www.regjeringen.no/en/upr/41/finland.html';

function statement(count: number): string {
  const items = Array.from({ length: count }, (_, i) => `<li>Ensure access to inclusive education for children in region ${i + 1}, as set out in the plan;</li>`);
  return `<head><title>Universal Periodic Review 41: Finland - statement by Norway</title></head><body><main>
<h1>Finland — Universal Periodic Review 41</h1><p>UPR 41, 8 November 2022. Statement by Norway.</p>
<p>Norway recommends that Finland:</p><ol>${items.join('\n')}</ol><p>We wish Finland every success.</p></main></body>`;
}

function load(html: string): Document {
  document.documentElement.innerHTML = html;
  return document;
}

const words = (x: Extraction) => x.recommendations.map((r) => r.text);
// What a highlight shows: the page's words under each recommendation's range.
const shown = (x: Extraction) => x.recommendations.map((r) => r.range.toString().replace(/\s+/g, ' ').trim().replace(/;$/, ''));

describe('extraction in steps', () => {
  it('reads a long statement in several tasks and finds every recommendation, as in one go', async () => {
    const doc = load(statement(2_000));
    let pauses = 0;
    const stepped = await extractStatementInSteps(doc, URL, async () => void pauses++);
    expect(pauses).toBeGreaterThanOrEqual(3);
    expect(stepped.recommendations).toHaveLength(2_000);
    expect(words(stepped)).toEqual(words(extractStatement(doc, URL)));
    expect(stepped.page).toEqual(extractStatement(doc, URL).page);
  });

  it('reads a list of 3,000 in steps of at most a thousand nodes, lines or recommendations each, and finds them all', async () => {
    const doc = load(statement(3_000));
    let pauses = 0;
    const stepped = await extractStatementInSteps(doc, URL, async () => void pauses++);
    // Its nodes, its lines, its words, their distinct forms and their ranges: each pass over the list pauses along the way.
    expect(pauses).toBeGreaterThanOrEqual(3 + 4 * 2);
    expect(stepped.recommendations).toHaveLength(3_000);
    expect(words(stepped)).toEqual(words(extractStatement(doc, URL)));
    expect(shown(stepped)).toEqual(words(stepped));
  });

  it('reads the page as it is at the end when it changes between steps: no stale words, no lost or extra item', async () => {
    const doc = load(statement(300));
    let pauses = 0;
    const stepped = await extractStatementInSteps(doc, URL, async () => {
      if (pauses++ !== 1) return;
      // Mid-reading, the page edits one recommendation and removes another.
      const items = doc.querySelectorAll('li');
      items[4]!.firstChild!.textContent = 'Ratify the Optional Protocol to the Convention against Torture without delay;';
      items[9]!.remove();
    });
    const now = extractStatement(doc, URL);
    expect(stepped.recommendations).toHaveLength(299);
    expect(words(stepped)).toEqual(words(now));
    expect(words(stepped)[4]).toBe('Ratify the Optional Protocol to the Convention against Torture without delay');
    expect(shown(stepped)).toEqual(words(stepped));
  });

  it('gives up stepping on a page that never stops changing, and still reads it whole', async () => {
    const doc = load(statement(50));
    let pauses = 0;
    const stepped = await extractStatementInSteps(doc, URL, async () => {
      doc.querySelector('h1')!.textContent = `Finland — Universal Periodic Review 41 (${++pauses})`;
    });
    expect(words(stepped)).toEqual(words(extractStatement(doc, URL)));
    expect(stepped.recommendations).toHaveLength(50);
  });
});

describe('a preview of the top of a long statement', () => {
  const seen = (p: { range: Range }[]) => p.map((r) => r.range.toString().replace(/\s+/g, ' ').trim().replace(/;$/, ''));

  it('finds the first recommendations as the whole reading does, from the top of the page only', () => {
    const doc = load(statement(2_000));
    const preview = previewStatement(doc, URL)!.recommendations;
    const whole = extractStatement(doc, URL);
    // Each item is about 100 characters: the first screens' worth, not the whole list.
    expect(preview.length).toBeGreaterThan(PREVIEW_CHARS / 200);
    expect(preview.length).toBeLessThan(PREVIEW_CHARS / 50);
    expect(preview.map((p) => p.text)).toEqual(words(whole).slice(0, preview.length));
    expect(seen(preview)).toEqual(preview.map((p) => p.text));
  });

  it('leaves out the last item it read (it may go on past the cut)', () => {
    const doc = load(statement(2_000));
    const short = previewStatement(doc, URL, 1_000)!.recommendations;
    // The lines read: the heading and two paragraphs, then items until their text reaches 1,000 characters.
    let chars = [...doc.querySelectorAll('main > h1, main > p')].slice(0, 3).reduce((sum, el) => sum + el.textContent!.length, 0);
    let read = 0;
    for (const li of doc.querySelectorAll('li')) {
      if (chars >= 1_000) break;
      chars += li.textContent!.length;
      read++;
    }
    expect(read).toBeGreaterThanOrEqual(5);
    expect(short).toHaveLength(read - 1);
    expect(short.map((p) => p.text)).toEqual(words(extractStatement(doc, URL)).slice(0, read - 1));
  });

  it('keeps the last item of a list that ends before the cut', () => {
    const doc = load(statement(30).replace('<p>We wish Finland every success.</p>', `<p>${'Finland has come a long way. '.repeat(1_000)}</p>`));
    expect(previewStatement(doc, URL)!.recommendations.map((p) => p.text)).toEqual(words(extractStatement(doc, URL)));
  });

  it('tells the page’s details as the whole reading does', () => {
    const doc = load(statement(2_000));
    expect(previewStatement(doc, URL)!.page).toEqual(extractStatement(doc, URL).page);
  });

  it('is nothing on a statement short enough to read whole at once, or whose top holds no list', () => {
    expect(previewStatement(load(statement(100)), URL)).toBeNull();
    expect(previewStatement(load(statement(2_000).replace(/<p>Norway recommends that Finland:<\/p>/, `<p>${'Finland has come a long way. '.repeat(1_200)}</p><p>Norway recommends that Finland:</p>`)), URL)).toBeNull();
  });

  it('leaves out a passing "recommends" in the prose above the list (the whole reading decides whether it is a summary)', () => {
    const doc = load(statement(2_000).replace('<p>Norway recommends that Finland:</p>', '<p>In short, Norway recommends that Finland ensure access to inclusive education for all children.</p><p>Norway recommends that Finland:</p>'));
    const preview = previewStatement(doc, URL)!.recommendations;
    expect(preview[0]!.text).toBe('Ensure access to inclusive education for children in region 1, as set out in the plan;'.replace(/;$/, ''));
    expect(preview.map((p) => p.text)).toEqual(words(extractStatement(doc, URL)).slice(0, preview.length));
  });
});

describe('the outline of a long statement (what tells a later reading from this one)', () => {
  it('is read in pauses, to its length and its first and last words', () => {
    const doc = load(statement(3_000));
    const main = doc.querySelector('main')!;
    const outline = (root: Element) => {
      const steps = textOutlineInSteps(root, 30);
      let pauses = 0;
      let step = steps.next();
      for (; !step.done; step = steps.next()) pauses++;
      return { pauses, ...step.value };
    };
    const long = outline(main);
    // Over 6,000 text nodes (an item and the line break after it): a pause every 2,000.
    expect(long.pauses).toBe(3);
    // (The main element's text starts with its line break.)
    expect(long.head).toBe('\nFinland — Universal Periodic ');
    expect(long.tail).toBe('We wish Finland every success.');
    expect(long.length).toBe(main.textContent!.length);
    // A short page is read in one go.
    expect(outline(load(statement(3)).querySelector('main')!)).toMatchObject({ pauses: 0, head: '\nFinland — Universal Periodic ' });
  });
});
