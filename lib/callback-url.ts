/** Where a signed-in user goes when no callback says otherwise: the portal of their organization. */
export const PORTAL_HOME = '/portal';

/**
 * The page to go to after signing in, read from the `callbackUrl` query value. The value is
 * parsed the way the browser will parse it (a backslash counts as a slash, tabs and newlines
 * vanish, `/./` segments collapse), so `/\evil.example` or `/<tab>/evil.example` is seen for
 * the other host it names. Only an address on `origin` is kept, as its path, query and
 * fragment; anything else, and a path the browser would read as `//host`, goes home.
 */
export const callbackPath = (value: string | null | undefined, origin: string): string => {
  if (!value) return PORTAL_HOME;
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return PORTAL_HOME;
  }
  if (url.origin !== new URL(origin).origin) return PORTAL_HOME;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith('//') ? PORTAL_HOME : path;
};
