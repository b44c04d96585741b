import { describe, expect, it } from 'vitest';
import type { PanelRecommendation } from '@/utils/messages';
import { normalizeRecommendationText, type CorrectionStep, type StoredPage } from '@/utils/model';
import { correctedEntries } from './corrected';

const rec = (id: string, text: string): PanelRecommendation =>
  ({ id, text, selector: null, dataset: undefined, note: null, earlier: [] }) as unknown as PanelRecommendation;
const step = (id: string, kind: CorrectionStep['kind'], rejected: string[], added: string[] = []): CorrectionStep => ({
  id,
  kind,
  at: 1,
  rejected: rejected.map(normalizeRecommendationText),
  unrejected: [],
  added,
  candidates: [],
  movedNotes: [],
});

describe('the panel’s Corrected list', () => {
  it('lists each correction newest first with what it took off and put on the list, then the items dismissed before steps were kept', () => {
    const [a, b, c, d] = [rec('ra', 'Ratify the treaty.'), rec('rb', 'Protect journalists.'), rec('rc', 'Free the press.'), rec('rd', 'Speaking time.')];
    const merged = rec('rm', 'Protect journalists. Free the press.');
    const page = {
      corrections: { meta: {}, rejected: [], steps: [step('c1', 'reject', ['Ratify the treaty.']), step('c2', 'merge', ['Protect journalists.', 'Free the press.'], ['rm']), step('c3', 'reject', ['Gone meanwhile.'])] },
    } as unknown as StoredPage;
    const entries = correctedEntries(page, [a, b, c, d], [merged]);
    expect(entries.map((e) => [e.step, e.kind, e.removed.map((r) => r.id), e.added])).toEqual([
      ['c2', 'merge', ['rb', 'rc'], ['Protect journalists. Free the press.']],
      ['c1', 'reject', ['ra'], []],
      [null, 'reject', ['rd'], []],
    ]);
  });
});
