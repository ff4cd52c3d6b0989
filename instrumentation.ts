// Runs once when a server instance starts. In production a missing or weak auth secret
// stops the instance instead of letting it serve sessions anyone could forge.
export const register = async () => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { assertProductionEnv } = await import('./server/env');
  try {
    assertProductionEnv();
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
};
