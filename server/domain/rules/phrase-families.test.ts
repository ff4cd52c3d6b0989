// Forbidden-phrase families (NIFA 2018): every family of the default rulebook catches each
// of its must-match examples and none of its must-not-match ones (lawful wording such as
// 我们会依法向法院起诉 is never caught), the default families catch everything version 1
// caught, and a set of families that breaks any of this is refused with the family and the
// example named.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PHRASE_FAMILIES, familyMatches, familyProblem, matchFamilies } from './phrase-families';
import { RULES_V1, V1_LISTED_PHRASES, familiesFromListedPhrases, readRuleSet, type PhraseFamily } from './rulebook';

const FLOOR = RULES_V1.phraseFamilies;

describe('the default phrase families', () => {
  for (const family of DEFAULT_PHRASE_FAMILIES) {
    describe(`${family.id} (${family.name})`, () => {
      it.each(family.mustMatch)('catches %j', (example) => {
        expect(familyMatches(family, example)).toBe(true);
      });
      it.each(family.mustNotMatch)('does not catch %j', (example) => {
        expect(familyMatches(family, example)).toBe(false);
      });
      it('has patterns, examples both ways, and compiles', () => {
        expect(family.patterns.length).toBeGreaterThan(0);
        expect(family.mustMatch.length).toBeGreaterThan(0);
        expect(family.mustNotMatch.length).toBeGreaterThan(0);
        expect(familyProblem([family], [])).toBeNull();
      });
    });
  }

  it('cover every category, and no lawful example of one family is caught by another', () => {
    expect(new Set(DEFAULT_PHRASE_FAMILIES.map((f) => f.category))).toEqual(
      new Set(['threat', 'insult', 'impersonation', 'disclosure']),
    );
    for (const family of DEFAULT_PHRASE_FAMILIES)
      for (const example of family.mustNotMatch) expect(matchFamilies(DEFAULT_PHRASE_FAMILIES, example)).toEqual([]);
  });

  it('may be published over version 1: they catch every phrase version 1 caught', () => {
    expect(familyProblem(DEFAULT_PHRASE_FAMILIES, FLOOR)).toBeNull();
    for (const { phrase } of V1_LISTED_PHRASES)
      expect(matchFamilies(DEFAULT_PHRASE_FAMILIES, `债务人说：${phrase}。`).length).toBeGreaterThan(0);
  });

  it('check a 100,000-character note, emoji and mixed widths included, in well under a second', () => {
    const note = `${'客户说下周还款，ＯＫ😀 态度尚可。'.repeat(5_600)}不 還 钱就去你单位闹`;
    expect(note.length).toBeGreaterThan(100_000);
    const started = performance.now();
    expect(matchFamilies(DEFAULT_PHRASE_FAMILIES, note).map((m) => m.family.id)).toEqual(['workplace']);
    expect(matchFamilies(DEFAULT_PHRASE_FAMILIES, note.slice(0, 100_000))).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(matchFamilies(DEFAULT_PHRASE_FAMILIES, '')).toEqual([]);
  });

  it('catch the wordings a list of exact phrases missed', () => {
    const found = (text: string) => matchFamilies(DEFAULT_PHRASE_FAMILIES, text).map((m) => [m.family.id, m.phrase]);
    expect(found('不还钱就去你单位闹')).toEqual([['workplace', '去你单位闹']]);
    expect(found('我们会依法向法院起诉')).toEqual([]);
    expect(found('您的单位地址是否有变')).toEqual([]);
    expect(found('弄 . 屎 . 你')).toEqual([['violence', '弄死你']]);
    expect(found('你这个老赖，再不还就爆你通讯录')).toEqual([
      ['exposure', '爆你通讯录'],
      ['insult', '老赖'],
    ]);
  });
});

describe('version 1, published as a plain list', () => {
  it('reads as one literal family per category and still catches every phrase, whatever the spacing or width', () => {
    expect(FLOOR.map((f) => [f.id, f.category, f.patterns.length])).toEqual([
      ['listed-threat', 'threat', 7],
      ['listed-insult', 'insult', 4],
      ['listed-impersonation', 'impersonation', 6],
      ['listed-disclosure', 'disclosure', 3],
    ]);
    for (const { phrase, category } of V1_LISTED_PHRASES) {
      const spaced = ` ${[...phrase].join(' ')} `.replace(/[a-z]/g, (c) =>
        String.fromCharCode(c.charCodeAt(0) + 0xfee0),
      );
      expect(matchFamilies(FLOOR, `记录：${spaced}！`).map((m) => m.family.category)).toEqual([category]);
    }
    expect(familyProblem(FLOOR, FLOOR)).toBeNull();
  });

  it('is converted on read and never needs rewriting; a version with families reads as it is', () => {
    const { phraseFamilies: _f, ...rest } = RULES_V1;
    const stored = { ...rest, forbiddenPhrases: V1_LISTED_PHRASES };
    expect(readRuleSet(stored)).toEqual(RULES_V1);
    expect(readRuleSet({ ...rest, phraseFamilies: DEFAULT_PHRASE_FAMILIES })).toEqual({
      ...rest,
      phraseFamilies: DEFAULT_PHRASE_FAMILIES,
    });
    expect(familiesFromListedPhrases([])).toEqual([]);
  });
});

describe('familyProblem', () => {
  const workplace = DEFAULT_PHRASE_FAMILIES.find((f) => f.id === 'workplace') as PhraseFamily;
  const withFamily = (change: Partial<PhraseFamily>) =>
    DEFAULT_PHRASE_FAMILIES.map((f) => (f.id === 'workplace' ? { ...f, ...change } : f));

  it('names a must-match example the family misses', () => {
    expect(familyProblem(withFamily({ mustMatch: [...workplace.mustMatch, '我们去你单位拜访'] }), FLOOR)).toMatchObject(
      {
        code: 'rules.familyMissesExample',
        family: { id: 'workplace' },
        at: { index: 0, part: 'mustMatch' },
        example: '我们去你单位拜访',
      },
    );
  });

  it('names a must-not-match example the family catches', () => {
    expect(familyProblem(withFamily({ mustNotMatch: ['去你公司闹'] }), FLOOR)).toMatchObject({
      code: 'rules.familyCatchesExample',
      family: { id: 'workplace' },
      at: { index: 0, part: 'mustNotMatch' },
      example: '去你公司闹',
    });
  });

  it('names a pattern that cannot be used, and why', () => {
    expect(familyProblem(withFamily({ patterns: ['(去|到你单位'] }), FLOOR)).toMatchObject({
      code: 'rules.familyPattern',
      pattern: '(去|到你单位',
      reason: 'unbalanced',
    });
  });

  it('refuses a duplicate id, a family without a pattern or without an example', () => {
    expect(familyProblem([workplace, workplace], [])).toMatchObject({
      reason: 'duplicateId',
      at: { index: 1, part: 'id' },
    });
    expect(familyProblem([{ ...workplace, patterns: [] }], [])).toMatchObject({ reason: 'noPattern' });
    expect(familyProblem([{ ...workplace, mustMatch: [] }], [])).toMatchObject({ reason: 'noExample' });
  });

  it('refuses families that no longer catch an example of version 1, naming it', () => {
    const loosened = DEFAULT_PHRASE_FAMILIES.filter((f) => f.id !== 'insult');
    expect(familyProblem(loosened, FLOOR)).toMatchObject({
      code: 'rules.familyLoosened',
      family: { id: 'listed-insult' },
      example: '老赖',
    });
  });
});
