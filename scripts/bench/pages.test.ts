// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectUprPage } from '@/utils/detect';
import { extractStatement } from '@/utils/extract';
import { longStatementPage, recommendationText } from './pages';

const URL = 'https://bench.example.test/upr/41/finland-5mb.html';

function load(html: string): Document {
  document.documentElement.innerHTML = html.replace(/^<!doctype html>/i, '');
  return document;
}

// The bench measures how fast the built extension highlights a huge statement: the page must be one the detector
// accepts (the annotator is injected into no other) and whose every recommendation extraction finds.
describe('the bench’s huge statement page', () => {
  it('is a statement the detector accepts, its first lead-in within what the detector reads', () => {
    // 5 MB: the old shape put 166,000 characters of narrative before the first list.
    expect(detectUprPage(load(longStatementPage(1_000, 5_000_000, { statement: true })), URL).detected).toBe(true);
  }, 60_000);

  it('has every one of its recommendations found by extraction, in order', () => {
    const doc = load(longStatementPage(1_000, 1_000_000, { statement: true }));
    const extraction = extractStatement(doc, URL);
    expect(extraction.recommendations.map((r) => r.text)).toEqual(Array.from({ length: 1_000 }, (_, i) => recommendationText(i)));
  }, 60_000);

  it('stays a Working Group report by default (the anchoring figures’ 1 MB page), which the detector turns down', () => {
    const doc = load(longStatementPage(300, 200_000));
    expect(detectUprPage(doc, URL).detected).toBe(false);
  });
});
