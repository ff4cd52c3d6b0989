// Near-duplicate complaints (issue: text similarity ≥ 0.9 flags a complaint for review).
// Organised campaigns file the same template text many times; they are still answered,
// but the handler sees which earlier complaint one repeats. Similarity is the Sørensen–Dice
// coefficient over character bigrams of the text with spacing and punctuation removed,
// which works for Chinese (no word breaks) as well as for English.

export const NEAR_DUPLICATE_BP = 9_000;

/** The text reduced to what carries meaning: letters and digits of any script, lower-cased. */
export const normalise = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

const bigrams = (text: string): Map<string, number> => {
  const chars = [...normalise(text)];
  const counts = new Map<string, number>();
  if (chars.length === 1) counts.set(chars[0] ?? '', 1);
  for (let i = 0; i + 1 < chars.length; i += 1) {
    const g = `${chars[i]}${chars[i + 1]}`;
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  return counts;
};

/** Similarity of two texts in basis points: 10000 for the same text, 0 for nothing shared (or an empty text). */
export const similarityBp = (a: string, b: string): number => {
  const x = bigrams(a);
  const y = bigrams(b);
  let total = 0;
  for (const n of x.values()) total += n;
  for (const n of y.values()) total += n;
  if (total === 0) return 0;
  let shared = 0;
  for (const [g, n] of x) shared += Math.min(n, y.get(g) ?? 0);
  return Math.round((2 * shared * 10_000) / total);
};

/** The most similar earlier text at or above the threshold, or null. */
export const nearestDuplicate = <T extends { id: string; description: string }>(
  text: string,
  earlier: readonly T[],
  thresholdBp = NEAR_DUPLICATE_BP,
): { id: string; bp: number } | null => {
  let best: { id: string; bp: number } | null = null;
  for (const e of earlier) {
    const bp = similarityBp(text, e.description);
    if (bp >= thresholdBp && (!best || bp > best.bp)) best = { id: e.id, bp };
  }
  return best;
};
