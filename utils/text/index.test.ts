import { describe, expect, it } from 'vitest';
import { restoreFormatting, revealFormatting } from './index';

describe('revealFormatting', () => {
  it.each([
    ['an override that reverses what follows', 'Abolish the \u202Eytlanep htaed\u202C now', 'Abolish the ⟨U+202E⟩ytlanep htaed⟨U+202C⟩ now'],
    ['embeddings', '\u202Aa\u202Bb\u202Dc\u202C', '⟨U+202A⟩a⟨U+202B⟩b⟨U+202D⟩c⟨U+202C⟩'],
    ['isolates', '\u2066x\u2067y\u2068z\u2069', '⟨U+2066⟩x⟨U+2067⟩y⟨U+2068⟩z⟨U+2069⟩'],
    ['marks', 'a\u200Eb\u200Fc\u061Cd', 'a⟨U+200E⟩b⟨U+200F⟩c⟨U+061C⟩d'],
    ['zero-width and invisible operators', 'pass\u200Bword\u2060\u2062\uFEFF', 'pass⟨U+200B⟩word⟨U+2060⟩⟨U+2062⟩⟨U+FEFF⟩'],
    ['tag characters (hidden ASCII)', 'ok\u{E0001}\u{E0069}\u{E0067}', 'ok⟨U+E0001⟩⟨U+E0069⟩⟨U+E0067⟩'],
  ])('shows %s', (_what, input, shown) => {
    expect(revealFormatting(input)).toBe(shown);
  });

  it.each([
    ['plain text', 'Ratify the Optional Protocol to the Convention against Torture'],
    ['French typography', 'À vérifier : « abolition en droit »\u202F!'],
    ['Arabic, Hebrew and Persian letters with their joiners', 'توصي \u05E9\u05DC\u05D5\u05DD می\u200Cخواهم 👩\u200D👩\u200D👧'],
    ['soft hyphens and other visible characters', 'Menschen\u00ADrechts\u00ADrat \u2014 \u2192'],
  ])('leaves %s as it is', (_what, text) => {
    expect(revealFormatting(text)).toBe(text);
  });

  it('is stable: revealed text has nothing left to reveal', () => {
    const once = revealFormatting('\u202E\u2066x\u2069');
    expect(revealFormatting(once)).toBe(once);
  });
});

describe('restoreFormatting', () => {
  it('gives back exactly what was revealed', () => {
    const hostile = 'A\u202Eb\u2066c\u2069\u200B\u{E0041}d ⟨U+0041⟩ ⟨U+200D⟩';
    expect(restoreFormatting(revealFormatting(hostile))).toBe(hostile);
  });

  it('leaves codes of visible characters as written', () => {
    expect(restoreFormatting('⟨U+0041⟩ ⟨U+200D⟩ ⟨U+12⟩')).toBe('⟨U+0041⟩ ⟨U+200D⟩ ⟨U+12⟩');
  });
});
