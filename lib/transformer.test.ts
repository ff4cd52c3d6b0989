import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { serialize } from './transformer';

// The faster path must put on the wire exactly what superjson would.
const same = (value: unknown) =>
  expect(JSON.stringify(serialize(value))).toBe(JSON.stringify(superjson.serialize(value)));

const caseItem = (i: number) => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  contractNo: `HT-${i}`,
  debtorName: '张*',
  phoneCount: 2,
  amountOverdue: 123_456,
  province: i % 2 ? '北京' : null,
  createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
});

describe('data transformer', () => {
  it('writes plain data with Dates exactly as superjson', () => {
    same({ items: Array.from({ length: 50 }, (_, i) => caseItem(i)), nextCursor: 'abc' });
    same({ items: [], nextCursor: null });
    same([new Date(0), new Date(1), { at: new Date(2) }]);
    same({ 'a.b': { 'c\\d': new Date(3), '1': new Date(4), '0': new Date(5) }, z: [1, -1.5, true, false, 'x'] });
    same({ nested: [[new Date(6)], [[{ d: new Date(7) }]]] });
    same('text');
    same(42);
    same(null);
    same(Object.assign(Object.create(null) as object, { at: new Date(8) }));
  });

  it('leaves everything else to superjson', () => {
    const shared = { x: 1 };
    const date = new Date(9);
    same({ a: shared, b: shared });
    same({ a: date, b: date });
    same({ a: undefined, b: new Date(10) });
    same([1, undefined]);
    same({ n: Number.NaN, i: Number.POSITIVE_INFINITY, z: -0 });
    same({ big: 10n });
    same({ m: new Map([['k', new Date(11)]]), s: new Set([1]) });
    same({ bad: new Date(Number.NaN) });
    same({ own: Object.assign(new Date(13), { toJSON: () => 'not an ISO string' }) });
    same(new Date(12));
    same(undefined);
    same({ re: /x/g, e: new Error('boom') });
    // eslint-disable-next-line no-sparse-arrays
    same([1, , 3]);
    expect(() => serialize(JSON.parse('{"__proto__": {"x": 1}}'))).toThrow();
  });

  it('agrees with superjson on random plain data', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const keys = ['a', 'b.c', '0', '12', 'x\\y', 'ä', ''];
    const gen = (depth: number): unknown => {
      const r = rnd();
      if (depth > 3 || r < 0.3)
        return [null, 'str', 3, 2.5, true, new Date(Math.floor(rnd() * 1e12))][Math.floor(rnd() * 6)];
      if (r < 0.6) return Array.from({ length: Math.floor(rnd() * 4) }, () => gen(depth + 1));
      const o: Record<string, unknown> = {};
      for (let i = Math.floor(rnd() * 4); i > 0; i -= 1)
        o[keys[Math.floor(rnd() * keys.length)] ?? 'k'] = gen(depth + 1);
      return o;
    };
    for (let i = 0; i < 500; i += 1) same(gen(0));
  });

  it('round-trips through superjson', () => {
    const page = { items: [caseItem(1), caseItem(2)], nextCursor: null };
    expect(superjson.deserialize(JSON.parse(JSON.stringify(serialize(page))))).toEqual(page);
  });
});
