// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPage, parsePage } from '../../scripts/lib-dom';
import { SHAPES, renderShape } from '../../tests/fixtures/pages/shapes';
import { detectUprPage } from './index';

const FIXTURES = join(__dirname, '../../../shared/fixtures');
const LABELS = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as { file: string; url: string; kind: string });

describe('detectUprPage on the development fixtures', () => {
  it('has all 24 labelled pages', () => expect(LABELS).toHaveLength(24));

  it.each(LABELS.map((l) => [l.file, l] as const))('%s', (_file, label) => {
    const detection = detectUprPage(loadPage(join(FIXTURES, label.file), label.url), label.url);
    expect(detection.detected, detection.reasons.join('; ')).toBe(label.kind === 'statement');
    expect(detection.reasons.length).toBeGreaterThan(0);
  });
});

describe('detectUprPage on hand-written shapes', () => {
  it.each(SHAPES.map((s) => [s.name, s] as const))('%s', (_name, shape) => {
    const detection = detectUprPage(parsePage(renderShape(shape), shape.url), shape.url);
    expect(detection.detected, `${detection.score}: ${detection.reasons.join('; ')}`).toBe(shape.statement);
  });
});

describe('detectUprPage reasons and gate', () => {
  it('quotes the lead-in and names the adoption stage', () => {
    const ok = SHAPES[0]!;
    expect(detectUprPage(parsePage(renderShape(ok), ok.url), ok.url).reasons).toContain("lead-in: 'Ireland recommends that Chile'");
    const adoption = SHAPES.find((s) => s.name.includes('Item 6'))!;
    const reasons = detectUprPage(parsePage(renderShape(adoption), adoption.url), adoption.url).reasons.join('\n');
    expect(reasons).toMatch(/negative: adoption of the outcome \(Item 6\)/);
  });

  it('stops after the cheap reads on a big page that never mentions the UPR', () => {
    const paragraph = '<p>Our supreme group recommends that you renew your permit: bring two photos and a form.</p>';
    const doc = parsePage(`<html><head><title>Permits</title></head><body><main><h1>Permits</h1>${paragraph.repeat(12_000)}</main></body></html>`);
    const detection = detectUprPage(doc, 'https://www.example.gov/permits');
    expect(detection).toEqual({ detected: false, score: 0, reasons: ['no mention of the Universal Periodic Review'] });
  });

  it('reads a bounded opening of a huge page that does mention the UPR', () => {
    // One 5 MB text node with its only lead-in at the very end: too far to be read, so no recommending phrase.
    const doc = parsePage(`<html><head><title>UPR 34: Kazakhstan</title></head><body><main><p>${'budget '.repeat(700_000)} Canada recommends that Kazakhstan:</p><ol><li>Ratify it.</li></ol></main></body></html>`);
    const detection = detectUprPage(doc, 'https://www.example.gov/news/budget');
    expect(detection.detected).toBe(false);
    expect(detection.reasons).toContain('negative: no recommending phrase');
  });

  it('reads the UPR in a class-less breadcrumb, "UPR48" glued to its number, and ignores "we recommend that you" and sidebars', () => {
    const page = (crumb: string, aside = '') => parsePage(`<html><head><title>Statement on Peru</title></head><body>
<nav aria-label="Breadcrumb"><ol><li>Home</li><li>${crumb}</li></ol></nav><main><p>We recommend that you enable cookies.</p>
<p>Ireland recommends that Peru:</p><ol><li>Ratify the Escazú Agreement.</li></ol>${aside}</main></body></html>`);
    expect(detectUprPage(page('Universal Periodic Review'), 'https://www.example.ie/peru').reasons).toContain("lead-in: 'Ireland recommends that Peru'");
    expect(detectUprPage(page('UPR48'), 'https://www.example.ie/peru').detected).toBe(true);
    expect(detectUprPage(page('Human rights'), 'https://www.example.ie/peru').detected).toBe(false);
    const withSidebar = page('UPR48', '<aside><h2>Latest news</h2><ul><li>Item 6: adoption of the UPR outcome of Chile</li></ul></aside>');
    expect(detectUprPage(withSidebar, 'https://www.example.ie/peru').detected).toBe(true);
  });

  it('does not match UPR or EPU inside other words', () => {
    const doc = parsePage('<html><head><title>Supreme support for Europe</title></head><body><main><h1>Eupraxia and superpowers</h1><p>We recommend that Canada: <ol><li>Ratify it.</li></ol></p></main></body></html>');
    expect(detectUprPage(doc, 'https://www.example.org/supreme-europe').detected).toBe(false);
  });

  it('imports nothing: no country tables or extractor in the always-on script', () => {
    const source = readFileSync(join(__dirname, 'index.ts'), 'utf8');
    expect(source).not.toMatch(/^\s*import\s/m);
  });
});
