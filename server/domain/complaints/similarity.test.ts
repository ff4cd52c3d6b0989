// Near-duplicate complaints: the same template text filed again (even re-spaced, with other
// punctuation or a changed name) reaches 0.9; different complaints stay far below.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NEAR_DUPLICATE_BP, nearestDuplicate, normalise, similarityBp } from './similarity';

const TEMPLATE =
  '催收人员多次在夜间打电话威胁我，说要到我单位闹事，还给我的同事和亲戚打电话说我欠钱不还，严重影响了我的生活和工作，请平台严肃处理。';

describe('similarity of complaint texts', () => {
  it('is 10000 for the same text, and ignores spacing and punctuation', () => {
    expect(similarityBp(TEMPLATE, TEMPLATE)).toBe(10_000);
    expect(similarityBp(TEMPLATE, TEMPLATE.replace(/，/g, ' , ').replace(/。/g, '!!'))).toBe(10_000);
    expect(normalise('Hello, World! 你好')).toBe('helloworld你好');
  });

  it('flags a template with a word changed, not a different complaint', () => {
    const edited = TEMPLATE.replace('单位', '公司');
    expect(similarityBp(TEMPLATE, edited)).toBeGreaterThanOrEqual(NEAR_DUPLICATE_BP);
    const other = '我已经按时还款，但是系统仍然显示逾期，催收员每天给我发短信，希望核实我的还款记录。';
    expect(similarityBp(TEMPLATE, other)).toBeLessThan(3_000);
    expect(
      nearestDuplicate(edited, [
        { id: 'a', description: other },
        { id: 'b', description: TEMPLATE },
      ]),
    ).toEqual({ id: 'b', bp: similarityBp(edited, TEMPLATE) });
    expect(nearestDuplicate(other, [{ id: 'b', description: TEMPLATE }])).toBeNull();
  });

  it('is 0 against an empty text, and handles one character', () => {
    expect(similarityBp('', TEMPLATE)).toBe(0);
    expect(similarityBp('！！', '')).toBe(0);
    expect(similarityBp('骂', '骂')).toBe(10_000);
  });

  it('is symmetric and between 0 and 10000', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const ab = similarityBp(a, b);
        expect(ab).toBe(similarityBp(b, a));
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual(10_000);
      }),
    );
  });
});
