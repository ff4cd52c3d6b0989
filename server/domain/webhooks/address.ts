import { isIP } from 'node:net';

// Server-side request forgery: a webhook URL is the one place where an organization makes
// the platform send requests where it likes. A request to the platform's own network (the
// database, cloud metadata at 169.254.169.254, an admin port on loopback) must never go out,
// so every address a host resolves to is classified here, before the URL is accepted and
// again before each request.

export type AddressClass =
  | 'public'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'linkLocal'
  | 'sharedCgnat'
  | 'multicast'
  | 'reserved'
  | 'documentation'
  | 'invalid';

type Range = readonly [base: number, bits: number, kind: AddressClass];

const v4 = (a: number, b: number, c: number, d: number) => ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;

// IANA IPv4 special-purpose registry, the parts a webhook may never reach.
const V4_RANGES: readonly Range[] = [
  [v4(0, 0, 0, 0), 8, 'unspecified'],
  [v4(10, 0, 0, 0), 8, 'private'],
  [v4(100, 64, 0, 0), 10, 'sharedCgnat'],
  [v4(127, 0, 0, 0), 8, 'loopback'],
  [v4(169, 254, 0, 0), 16, 'linkLocal'],
  [v4(172, 16, 0, 0), 12, 'private'],
  [v4(192, 0, 0, 0), 24, 'reserved'],
  [v4(192, 0, 2, 0), 24, 'documentation'],
  [v4(192, 88, 99, 0), 24, 'reserved'],
  [v4(192, 168, 0, 0), 16, 'private'],
  [v4(198, 18, 0, 0), 15, 'reserved'],
  [v4(198, 51, 100, 0), 24, 'documentation'],
  [v4(203, 0, 113, 0), 24, 'documentation'],
  [v4(224, 0, 0, 0), 4, 'multicast'],
  [v4(240, 0, 0, 0), 4, 'reserved'],
];

const parseV4 = (text: string): number | null => {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return null;
    const octet = Number(p);
    if (octet > 255) return null;
    n = n * 256 + octet;
  }
  return n;
};

const classifyV4 = (n: number): AddressClass => {
  for (const [base, bits, kind] of V4_RANGES) {
    const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
    if ((n & mask) >>> 0 === base) return kind;
  }
  return 'public';
};

/** The 8 groups of an IPv6 address (an embedded dotted IPv4 tail included), or null. */
const parseV6 = (text: string): number[] | null => {
  const zoneless = text.split('%')[0] ?? '';
  let head = zoneless;
  const tail: number[] = [];
  const lastColon = zoneless.lastIndexOf(':');
  const last = zoneless.slice(lastColon + 1);
  if (last.includes('.')) {
    const n = parseV4(last);
    if (n === null) return null;
    tail.push(n >>> 16, n & 0xffff);
    head = zoneless.slice(0, lastColon + 1) + '0';
  }
  const halves = head.split('::');
  if (halves.length > 2) return null;
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const left = groups(halves[0] ?? '');
  const right = halves.length === 2 ? groups(halves[1] ?? '') : [];
  if (tail.length > 0) {
    // the '0' placeholder stands for the dotted tail's two groups
    (halves.length === 2 ? right : left).pop();
  }
  const given = left.length + right.length + tail.length;
  if (halves.length === 1 ? given !== 8 : given > 7) return null;
  const parsed: number[] = [];
  for (const g of [...left, ...Array<string>(8 - given).fill('0'), ...right]) {
    if (!/^[0-9a-f]{1,4}$/i.test(g)) return null;
    parsed.push(parseInt(g, 16));
  }
  return [...parsed, ...tail].length === 8 ? [...parsed, ...tail] : null;
};

const classifyV6 = (g: number[]): AddressClass => {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  const isZeroTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (isZeroTo(8)) return 'unspecified';
  if (isZeroTo(7) && g7 === 1) return 'loopback';
  // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d) addresses reach the IPv4
  // host inside them; NAT64 (64:ff9b::/96) does through a translator. Judge that host.
  const embedded = ((g6 << 16) | g7) >>> 0;
  if (isZeroTo(5) && g5 === 0xffff) return classifyV4(embedded);
  if (isZeroTo(6)) return classifyV4(embedded);
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return classifyV4(embedded);
  if ((g0 & 0xffc0) === 0xfe80) return 'linkLocal';
  // fec0::/10, the deprecated site-local range, is still routed inside some networks.
  if ((g0 & 0xffc0) === 0xfec0) return 'private';
  if ((g0 & 0xfe00) === 0xfc00) return 'private';
  if ((g0 & 0xff00) === 0xff00) return 'multicast';
  if (g0 === 0x2001 && g1 === 0x0db8) return 'documentation';
  // 6to4 (2002::/16) carries an IPv4 address in its next 32 bits.
  if (g0 === 0x2002) {
    const inner = classifyV4(((g1 << 16) | g2) >>> 0);
    return inner === 'public' ? 'public' : inner;
  }
  // Teredo (2001::/32), discard-only (100::/64) and the rest of the reserved ::/8.
  if ((g0 === 0x2001 && g1 === 0) || (g0 === 0x100 && g1 === 0 && g2 === 0 && g3 === 0)) return 'reserved';
  if ((g0 & 0xff00) === 0) return 'reserved';
  return 'public';
};

/** What kind of address this is; anything but 'public' is refused as a webhook target. */
export const classifyAddress = (address: string): AddressClass => {
  const family = isIP(address.split('%')[0] ?? '');
  if (family === 4) {
    const n = parseV4(address);
    return n === null ? 'invalid' : classifyV4(n);
  }
  if (family === 6) {
    const groups = parseV6(address);
    return groups ? classifyV6(groups) : 'invalid';
  }
  return 'invalid';
};

export const isPublicAddress = (address: string): boolean => classifyAddress(address) === 'public';
