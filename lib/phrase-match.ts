// Forbidden-phrase matching (NIFA 2018: no threats, insults, impersonation or disclosure).
// A collector dodging a word list writes 不 还 钱, 弄.死.你, ｂｉｇ widths, traditional
// characters or a homophone (弄屎你); every text and every pattern is first reduced to
// the same normal form, so a pattern written once catches all of them.
//
// Patterns are a small language, not regular expressions, so an admin's pattern can never
// take exponential time (no nested or unbounded repetition exists to write):
//   去你单位闹           literal characters (normalised like the text)
//   (去|到|上)           one of several alternatives (no nesting, up to 12)
//   (的)?                an optional group
//   ~  ~6                any 0–4 (or 0–N, N ≤ 12) characters: "A … B within a short distance"
// e.g. (去|到|上)你(的)?(单位|公司)~4(闹|找|堵) matches 不还钱就去你单位闹 and 到你公司去堵.
// A match is searched from each position where the pattern can begin, keeping the set of
// positions reachable so far (never more than the pattern's longest span): linear in the
// text for a fixed pattern.

/** Traditional → simplified for the characters the phrase families use (and common neighbours). */
const TRADITIONAL = Object.fromEntries(
  [
    '單单 們们 會会 鬧闹 殺杀 說说 來来 賴赖 錢钱 還还 門门 裡里 裏里 這这 讓让 檢检 傳传 員员 師师 務务 話话',
    '訊讯 錄录 斷断 臉脸 廢废 將将 對对 頭头 媽妈 兒儿 學学 醫医 廠厂 親亲 鄰邻 貼贴 發发 給给 聯联 係系',
    '繫系 絡络 舉举 報报 網网 騙骗 債债 後后 槍枪 燒烧 號号 碼码 為为 點点 見见 麼么 誰谁 個个 開开 關关',
    '車车 區区 與与 執执 書书 訴诉 證证 據据 處处 難难 賤贱 種种 豬猪 滾滚 著着 爺爷 愛爱 寫写 辦办 幹干',
    '廳厅 監监 獄狱 案案 抓抓 捕捕 罰罚 計计 劃划 氣气 凍冻 隊队 衛卫 護护 險险 鐵铁 驚惊 嚇吓 聽听 問问',
    '從从 麗丽 靈灵 壞坏 蟲虫 東东 雜杂 畢毕 實实 戶户 準准 備备 讀读 覽览 誤误 謝谢 應应 歡欢 樣样 條条',
  ]
    .join(' ')
    .split(' ')
    .map((pair) => [...pair] as [string, string]),
);

/**
 * Variants written to get past a word list, each unambiguous in a collection note: a
 * homophone or look-alike that no ordinary sentence uses in its place. Kept short on purpose:
 * 老来 (老来得子, 老来伴) is NOT mapped to 老赖.
 */
export const PHRASE_VARIANTS: readonly (readonly [string, string])[] = [
  ['弄屎', '弄死'],
  ['妳', '你'],
  ['老癞', '老赖'],
  ['老濑', '老赖'],
  ['laolai', '老赖'],
  ['老lai', '老赖'],
  ['畜牲', '畜生'],
  ['暴光', '曝光'],
  ['通迅录', '通讯录'],
];

const TRADITIONAL_RE = new RegExp(`[${Object.keys(TRADITIONAL).join('')}]`, 'gu');

/**
 * The normal form both texts and patterns are matched in: full width to half width
 * (NFKC), lower case, only letters and digits kept (spaces, punctuation, symbols, emoji and
 * invisible characters inside words go), traditional characters as simplified, and the
 * known dodges replaced.
 */
export const normalisePhraseText = (text: string): string => {
  let s = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .replace(TRADITIONAL_RE, (c) => TRADITIONAL[c] ?? c);
  for (const [from, to] of PHRASE_VARIANTS) if (s.includes(from)) s = s.replaceAll(from, to);
  return s;
};

/** Limits that keep every pattern cheap and specific. */
export const PATTERN_LIMITS = {
  length: 100,
  groups: 6,
  alternatives: 12,
  gaps: 4,
  gap: 12,
  defaultGap: 4,
  /** Characters any match must contain: a one-character pattern would flag half of all notes. */
  minRequired: 2,
} as const;

export const PATTERN_PROBLEMS = [
  'empty',
  'tooLong',
  'unbalanced',
  'nested',
  'emptyAlternative',
  'tooManyAlternatives',
  'tooManyGroups',
  'gapPlacement',
  'gapSize',
  'tooManyGaps',
  'tooBroad',
] as const;
export type PatternProblem = (typeof PATTERN_PROBLEMS)[number];

type Segment = { kind: 'alt'; options: string[]; optional: boolean } | { kind: 'gap'; max: number };
export type CompiledPattern = { source: string; segments: Segment[]; firstChars: Set<string>; span: number };
export type CompileResult = { ok: true; pattern: CompiledPattern } | { ok: false; problem: PatternProblem };

const SYNTAX = new Set(['(', ')', '|', '?', '~']);

/** Parses and checks a pattern; a pattern with a problem is refused, never half-used. */
export const compilePattern = (source: string): CompileResult => {
  const fail = (problem: PatternProblem): CompileResult => ({ ok: false, problem });
  const src = source.normalize('NFKC').trim();
  if (src === '') return fail('empty');
  if (src.length > PATTERN_LIMITS.length) return fail('tooLong');
  const raw: Segment[] = [];
  let literal = '';
  const flush = () => {
    const text = normalisePhraseText(literal);
    if (text) raw.push({ kind: 'alt', options: [text], optional: false });
    literal = '';
  };
  let i = 0;
  let groups = 0;
  let gaps = 0;
  while (i < src.length) {
    const c = src[i] ?? '';
    if (c === '(') {
      flush();
      const close = src.indexOf(')', i + 1);
      if (close < 0) return fail('unbalanced');
      const body = src.slice(i + 1, close);
      if (body.includes('(')) return fail('nested');
      if ([...body].some((ch) => ch === '~' || ch === '?')) return fail('nested');
      const options = body.split('|').map(normalisePhraseText);
      if (options.some((o) => o === '')) return fail('emptyAlternative');
      if (options.length > PATTERN_LIMITS.alternatives) return fail('tooManyAlternatives');
      groups += 1;
      if (groups > PATTERN_LIMITS.groups) return fail('tooManyGroups');
      const optional = src[close + 1] === '?';
      raw.push({ kind: 'alt', options: [...new Set(options)], optional });
      i = close + (optional ? 2 : 1);
    } else if (c === '~') {
      flush();
      let j = i + 1;
      while (j < src.length && j < i + 3 && /[0-9]/.test(src[j] ?? '')) j += 1;
      const max = j > i + 1 ? Number(src.slice(i + 1, j)) : PATTERN_LIMITS.defaultGap;
      if (max < 1 || max > PATTERN_LIMITS.gap) return fail('gapSize');
      gaps += 1;
      if (gaps > PATTERN_LIMITS.gaps) return fail('tooManyGaps');
      raw.push({ kind: 'gap', max });
      i = j;
    } else if (c === ')' || c === '|') {
      return fail('unbalanced');
    } else if (c === '?') {
      return fail('unbalanced');
    } else {
      literal += c;
      i += 1;
    }
  }
  flush();
  // Adjacent literal runs (split by removed punctuation) join into one.
  const segments: Segment[] = [];
  for (const s of raw) {
    const prev = segments[segments.length - 1];
    if (
      s.kind === 'alt' &&
      !s.optional &&
      s.options.length === 1 &&
      prev?.kind === 'alt' &&
      !prev.optional &&
      prev.options.length === 1
    )
      prev.options = [`${prev.options[0] ?? ''}${s.options[0] ?? ''}`];
    else segments.push(s);
  }
  // A gap must sit between two required parts: not first, not last (it would only blur where
  // a match starts or ends) and not beside another gap.
  const requiredIdx = segments.flatMap((s, k) => (s.kind === 'alt' && !s.optional ? [k] : []));
  const firstReq = requiredIdx[0];
  const lastReq = requiredIdx[requiredIdx.length - 1];
  if (firstReq === undefined || lastReq === undefined) return fail('tooBroad');
  for (const [k, s] of segments.entries()) {
    if (s.kind !== 'gap') continue;
    const before = segments[k - 1];
    const after = segments[k + 1];
    if (k < firstReq || k > lastReq || before?.kind !== 'alt' || after?.kind !== 'alt') return fail('gapPlacement');
  }
  const required = segments.reduce(
    (n, s) => n + (s.kind === 'alt' && !s.optional ? Math.min(...s.options.map((o) => o.length)) : 0),
    0,
  );
  if (required < PATTERN_LIMITS.minRequired) return fail('tooBroad');
  const firstChars = new Set<string>();
  for (const s of segments.slice(0, firstReq + 1))
    if (s.kind === 'alt') for (const o of s.options) firstChars.add(o[0] ?? '');
  const span = segments.reduce(
    (n, s) => n + (s.kind === 'gap' ? s.max : Math.max(...s.options.map((o) => o.length))),
    0,
  );
  return { ok: true, pattern: { source, segments, firstChars, span } };
};

/**
 * The first (leftmost, then shortest) match of a compiled pattern in an already normalised
 * text, as the matched characters, or null.
 */
export const matchNormalised = (p: CompiledPattern, text: string): string | null => {
  // A required part that appears nowhere in the text rules the pattern out at once.
  for (const s of p.segments)
    if (s.kind === 'alt' && !s.optional && !s.options.some((o) => text.includes(o))) return null;
  let reach = new Uint8Array(p.span + 1);
  let next = new Uint8Array(p.span + 1);
  for (let start = 0; start < text.length; start += 1) {
    if (!p.firstChars.has(text[start] ?? '')) continue;
    const room = Math.min(p.span, text.length - start);
    reach[0] = 1;
    // Offsets from `start` reachable so far all lie in [0, hi].
    let hi = 0;
    for (const s of p.segments) {
      let nextHi = -1;
      for (let off = 0; off <= hi; off += 1) {
        if (!reach[off]) continue;
        reach[off] = 0;
        if (s.kind === 'gap') {
          const to = Math.min(off + s.max, room);
          for (let k = off; k <= to; k += 1) next[k] = 1;
          if (to > nextHi) nextHi = to;
          continue;
        }
        if (s.optional) {
          next[off] = 1;
          if (off > nextHi) nextHi = off;
        }
        for (const o of s.options) {
          const to = off + o.length;
          if (to <= room && text.startsWith(o, start + off)) {
            next[to] = 1;
            if (to > nextHi) nextHi = to;
          }
        }
      }
      [reach, next] = [next, reach];
      hi = nextHi;
      if (hi < 0) break;
    }
    let found = -1;
    for (let off = 0; off <= hi; off += 1) {
      if (found < 0 && off > 0 && reach[off]) found = off;
      reach[off] = 0;
    }
    if (found > 0) return text.slice(start, start + found);
  }
  return null;
};

/** Whether a raw text matches a pattern source (both normalised); an invalid pattern matches nothing. */
export const matchesPattern = (pattern: string, text: string): string | null => {
  const c = compilePattern(pattern);
  return c.ok ? matchNormalised(c.pattern, normalisePhraseText(text)) : null;
};

/** A listed phrase as a pattern that matches exactly it (its syntax characters taken as the punctuation they are). */
export const literalPattern = (phrase: string): string =>
  [...phrase]
    .filter((c) => !SYNTAX.has(c))
    .join('')
    .trim();
