// A forbidden-phrase flag says which family it falls into; flags raised before families
// existed (a phrase and a category only, or nothing at all) still read.
import { describe, expect, it } from 'vitest';
import { flagMessage } from './flags';

describe('flagMessage', () => {
  it('names the family of a forbidden-phrase flag', () => {
    const values = {
      phrase: '去你单位闹',
      category: 'threat',
      familyId: 'workplace',
      family: '到单位闹事',
      familyEn: 'At work',
    };
    expect(flagMessage({ rule: 'forbiddenPhrase', values })).toEqual({ key: 'forbiddenFamily', values });
  });

  it('reads a flag stored before families, and one without values', () => {
    expect(flagMessage({ rule: 'forbiddenPhrase', values: { phrase: '老赖', category: 'insult' } })).toEqual({
      key: 'forbiddenPhrase',
      values: { phrase: '老赖', category: 'insult' },
    });
    expect(flagMessage({ rule: 'forbiddenPhrase' })).toEqual({
      key: 'forbiddenPhrase',
      values: { phrase: '', category: '' },
    });
  });

  it('leaves other flags as they are', () => {
    expect(flagMessage({ rule: 'earlyEscalation', values: { day: 3, from: 18 } })).toEqual({
      key: 'earlyEscalation',
      values: { day: 3, from: 18 },
    });
    expect(flagMessage({ rule: 'remindersOnlyStage' })).toEqual({ key: 'remindersOnlyStage', values: {} });
  });
});
