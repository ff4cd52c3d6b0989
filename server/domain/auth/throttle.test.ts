// After 5 failed sign-ins within 15 minutes (one account or one IP), sign-in is refused
// for 15 minutes; slower failures never lock.
import { describe, expect, it } from 'vitest';
import { lockedUntil } from './throttle';

const t0 = new Date('2026-11-23T08:00:00Z').getTime();
const at = (minutes: number) => new Date(t0 + minutes * 60_000);

describe('sign-in throttle', () => {
  it('does not lock after 4 failures', () => {
    expect(lockedUntil([0, 1, 2, 3].map(at), at(4))).toBeNull();
  });

  it('locks for 15 minutes from the fifth failure within the window', () => {
    const failures = [0, 1, 2, 3, 4].map(at);
    expect(lockedUntil(failures, at(4))).toEqual(at(19));
    expect(lockedUntil(failures, at(18.9))).toEqual(at(19));
    expect(lockedUntil(failures, at(19))).toBeNull();
  });

  it('does not lock when five failures spread over more than 15 minutes', () => {
    expect(lockedUntil([0, 4, 8, 12, 16].map(at), at(16))).toBeNull();
  });

  it('counts exactly 15 minutes as inside the window', () => {
    expect(lockedUntil([0, 5, 10, 14, 15].map(at), at(15))).toEqual(at(30));
  });

  it('ignores the order of the input', () => {
    expect(lockedUntil([4, 0, 3, 1, 2].map(at), at(5))).toEqual(at(19));
  });
});
