/** PostgreSQL unique_violation (23505), whether raised by postgres-js, PGlite or wrapped by drizzle. */
export const isUniqueViolation = (e: unknown): boolean => {
  const err = e as { code?: string; cause?: { code?: string } } | null;
  return err?.code === '23505' || err?.cause?.code === '23505';
};
