import { normalisePhraseText } from '@/lib/phrase-match';
import type { ForbiddenFound } from '../rules/engine';

// A transcript as the call's page shows it: the forbidden phrases the rulebook found in it
// marked where they stand in the text as the dialer sent it. Matching happens on the
// normal form (width, case, punctuation, traditional characters and dodges folded), so a hit
// is found back in the original text by the stretch whose normal form is the phrase.

export type TranscriptPart = {
  text: string;
  hit: { family: string; familyEn: string; category: string } | null;
};

/** Original characters a hit may span at most for each character of its normal form (spaces, dodges written out). */
const SPREAD = 4;
const DODGE_SLACK = 6;

/** Where `phrase` (a normal form) stands in `text` from `from` on: [start, end) of the original, or null. */
const locate = (text: string, chars: readonly string[], offsets: readonly number[], phrase: string, from: number) => {
  for (let i = from; i < chars.length; i += 1) {
    // A hit begins on a character that counts (a letter or digit), never on punctuation.
    if (normalisePhraseText(chars[i] ?? '') === '') continue;
    const limit = Math.min(chars.length, i + phrase.length * SPREAD + 4);
    for (let j = i + 1; j <= limit; j += 1) {
      const normal = normalisePhraseText(text.slice(offsets[i], offsets[j]));
      if (normal === phrase) return { start: i, end: j };
      // Past this no longer stretch can fold back into the phrase (the longest dodge, laolai, folds 6 into 2).
      if (normal.length > phrase.length + DODGE_SLACK) break;
    }
  }
  return null;
};

/** The transcript cut into plain stretches and hits, every place each found phrase stands. */
export const markTranscript = (text: string, found: readonly ForbiddenFound[]): TranscriptPart[] => {
  const chars = [...text];
  const offsets: number[] = [0];
  for (const c of chars) offsets.push((offsets.at(-1) ?? 0) + c.length);
  const hits: { start: number; end: number; hit: NonNullable<TranscriptPart['hit']> }[] = [];
  for (const f of found) {
    if (!f.phrase) continue;
    for (let at = locate(text, chars, offsets, f.phrase, 0); at; at = locate(text, chars, offsets, f.phrase, at.end))
      hits.push({ ...at, hit: { family: f.family, familyEn: f.familyEn, category: f.category } });
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const parts: TranscriptPart[] = [];
  let cursor = 0;
  for (const h of hits) {
    // Overlapping hits: the first (longest) one marks the stretch.
    if (h.start < cursor) continue;
    if (h.start > cursor) parts.push({ text: text.slice(offsets[cursor], offsets[h.start]), hit: null });
    parts.push({ text: text.slice(offsets[h.start], offsets[h.end]), hit: h.hit });
    cursor = h.end;
  }
  if (cursor < chars.length) parts.push({ text: text.slice(offsets[cursor]), hit: null });
  return parts;
};
