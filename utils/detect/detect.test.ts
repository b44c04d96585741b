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

  it('does not match UPR or EPU inside other words', () => {
    const doc = parsePage('<html><head><title>Supreme support for Europe</title></head><body><main><h1>Eupraxia and superpowers</h1><p>We recommend that Canada: <ol><li>Ratify it.</li></ol></p></main></body></html>');
    expect(detectUprPage(doc, 'https://www.example.org/supreme-europe').detected).toBe(false);
  });

  it('imports nothing: no country tables or extractor in the always-on script', () => {
    const source = readFileSync(join(__dirname, 'index.ts'), 'utf8');
    expect(source).not.toMatch(/^\s*import\s/m);
  });
});
