import { describe, expect, it } from 'vitest';
import { normalizeRecommendationText, pageKey, recommendationId } from './index';

const who = { recommendingStateCode: 'CAN', stateUnderReviewCode: 'KAZ', session: 34 };

describe('recommendation identity', () => {
  it.each([
    ['Amend legislation to protect assembly;', 'amend  legislation to protect assembly.'],
    ['Ratify the Optional Protocol; and', 'Ratify the Optional Protocol'],
    ['Ensure the ‘rule of law’', "Ensure the 'rule of law'"],
  ])('treats %j and %j as the same recommendation', async (a, b) => {
    expect(normalizeRecommendationText(a)).toBe(normalizeRecommendationText(b));
    expect(await recommendationId(a, who)).toBe(await recommendationId(b, who));
  });

  it('gives different ids to different words, states or sessions', async () => {
    const base = await recommendationId('Ratify the treaty', who);
    expect(await recommendationId('Ratify the covenant', who)).not.toBe(base);
    expect(await recommendationId('Ratify the treaty', { ...who, recommendingStateCode: 'GBR' })).not.toBe(base);
    expect(await recommendationId('Ratify the treaty', { ...who, session: 48 })).not.toBe(base);
    expect(base).toMatch(/^r[0-9a-f]{24}$/);
  });

  it('keys a page by its URL without the fragment', () => {
    expect(pageKey('https://example.gov/kz?lang=eng#rec-2')).toBe('https://example.gov/kz?lang=eng');
  });

  // Digests computed by the hand-written SHA-256 this project used until December 2026: stored notes are keyed by
  // these ids, so whatever computes SHA-256 must give them again.
  it.each([
    ['Amend legislation to decriminalize defamation.', who, 'rdfc35a268e5e4fb9a5fd03ad'],
    ['Ratifier le Protocole facultatif — « égalité »', { recommendingStateCode: 'FRA', stateUnderReviewCode: 'MDG', session: 48 }, 'r4806fbef3543885c728cb514'],
    [
      'Ratify the Escazú Agreement',
      { recommendingStateCode: null, stateUnderReviewCode: 'PER', session: null, recommendingStates: [{ name: 'Chile', code: 'CHL' }, { name: 'Costa Rica', code: 'CRI' }] },
      'rbf4d80ec6c8cc065ffeeef6f',
    ],
  ])('keeps the id existing notes were stored under: %j', async (text, from, id) => {
    expect(await recommendationId(text, from)).toBe(id);
  });
});
