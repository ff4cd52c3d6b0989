// Text PostgreSQL cannot store as given: a NUL character (refused by text and jsonb
// alike) and half of a UTF-16 surrogate pair (refused by jsonb, silently replaced in text).

/** Whether PostgreSQL stores this text exactly as given. */
export const isStorableText = (s: string): boolean => !s.includes('\u0000') && s.isWellFormed();
