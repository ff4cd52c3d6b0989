// Tiers rank A above B above C: a package open to tier B admits A and B, never C or the unrated.
import { describe, expect, it } from 'vitest';
import { tierMeets } from './market';

describe('tier minimum', () => {
  it.each([
    ['A', 'B', true],
    ['B', 'B', true],
    ['C', 'B', false],
    ['C', 'C', true],
    [null, 'C', false],
    [null, null, true],
    ['C', null, true],
  ] as const)('tier %s against minimum %s is %s', (tier, minimum, ok) => {
    expect(tierMeets(tier, minimum)).toBe(ok);
  });
});
