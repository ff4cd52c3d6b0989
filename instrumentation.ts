// Runs once when a server instance starts; the work is Node.js-only (server/boot.ts), so
// the Edge build never sees it.
export const register = async () => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { boot } = await import('./server/boot');
  boot();
};
