/** A rule flag on a collection action, as stored with it. */
export type StoredFlag = { rule: string; values?: Record<string, string | number> | undefined };

/**
 * The catalog key (under `work.flag` / `work.flagged`) and values that say a flag in words.
 * A forbidden-phrase flag names its family (both names are stored, so either language can
 * say it); one raised before the rulebook had families names only the phrase.
 */
export const flagMessage = (f: StoredFlag): { key: string; values: Record<string, string | number> } =>
  f.rule === 'forbiddenPhrase'
    ? f.values?.family !== undefined
      ? { key: 'forbiddenFamily', values: { familyEn: f.values.family, ...f.values } }
      : { key: 'forbiddenPhrase', values: { phrase: '', category: '', ...f.values } }
    : { key: f.rule, values: f.values ?? {} };
