import { describe, expect, it } from 'vitest';
import { findDateIn } from './dates';

describe('findDateIn', () => {
  it.each([
    ['Delivered on 7 November 2019', false, '2019-11-07'],
    ['Geneva, November 7, 2019', false, '2019-11-07'],
    ['Genève, le 7 novembre 2019', false, '2019-11-07'],
    ['Ginebra, 7 de noviembre de 2019', false, '2019-11-07'],
    ['2019-11-07T10:00:00+01:00', false, '2019-11-07'],
    ['Published 07/11/2019', false, '2019-11-07'],
    ['Published 11/07/2019', true, '2019-11-07'],
    ['Published 13/11/2019', true, '2019-11-13'],
    ['Published 11/13/2019', false, '2019-11-13'],
    ['7.11.2019', false, '2019-11-07'],
    ['第49回普遍的・定期的レビュー(2025年5月6日)', false, '2025-05-06'],
    ['Speaking time: 1\'15\'\'', false, null],
  ])('%s (month first: %s) → %s', (text, monthFirst, iso) => expect(findDateIn(text, monthFirst)?.iso ?? null).toBe(iso));
});
