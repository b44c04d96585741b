import { describe, expect, it } from 'vitest';
import { ordinalValue } from './ordinals';

describe('ordinalValue', () => {
  it.each([
    ['fourth', 4], ['Forty-Ninth', 49], ['twenty first', 21], ['fortieth', 40], ['quarante-neuvième', 49], ['vingt et unième', 21],
    ['dix-septième', 17], ['cinquième', 5], ['cuadragésimo noveno', 49], ['Cuadragésima Octava', 48], ['vigésimo', 20],
    ['the', null], ['forty', null], ['ninth tenth', null], ['fourth-fifth', null],
  ])('%s → %s', (phrase, value) => expect(ordinalValue(phrase)).toBe(value));
});
