// Beijing is UTC+8 all year: days turn at 16:00 UTC, and wall-clock times map to one instant.
import { describe, expect, it } from 'vitest';
import {
  DAY_PATTERN,
  endOfShanghaiDay,
  shanghaiDate,
  shanghaiDateTimeLocal,
  shanghaiDayNumber,
  shanghaiInstant,
  startOfShanghaiDay,
} from './dates';

describe('Beijing calendar days', () => {
  it('turns the day at midnight in Beijing, not in UTC', () => {
    expect(shanghaiDate(new Date('2026-11-22T15:59:59.999Z'))).toBe('2026-11-22');
    expect(shanghaiDate(new Date('2026-11-22T16:00:00Z'))).toBe('2026-11-23');
    expect(shanghaiDate(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });

  it('reads Beijing wall-clock times as instants', () => {
    expect(shanghaiInstant('2026-03-01T10:00:00').toISOString()).toBe('2026-03-01T02:00:00.000Z');
    expect(shanghaiInstant('2026-03-01T23:59:59.999').toISOString()).toBe('2026-03-01T15:59:59.999Z');
    expect(startOfShanghaiDay('2026-03-01').toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(endOfShanghaiDay('2026-02-28').toISOString()).toBe('2026-02-28T16:00:00.000Z');
  });

  it('shows an instant as a datetime-local value in Beijing, and reads it back', () => {
    const at = new Date('2026-11-22T17:30:00Z');
    expect(shanghaiDateTimeLocal(at)).toBe('2026-11-23T01:30');
    expect(shanghaiInstant(`${shanghaiDateTimeLocal(at)}:00`)).toEqual(at);
  });

  it('takes days as written, leaving whether they exist to the caller', () => {
    expect(DAY_PATTERN.test('2026-02-30')).toBe(true);
    expect(DAY_PATTERN.test('2026-2-3')).toBe(false);
    expect(DAY_PATTERN.test('2026-02-03T00:00')).toBe(false);
  });
});

describe('Beijing day numbers', () => {
  it('counts Beijing days from 1970-01-01', () => {
    expect(shanghaiDayNumber(new Date('1969-12-31T16:00:00Z'))).toBe(0);
    expect(shanghaiDayNumber(new Date('1969-12-31T15:59:59Z'))).toBe(-1);
    expect(shanghaiDayNumber(Date.parse('1970-01-02T00:00:00+08:00'))).toBe(1);
  });
});
