// Runs once when a server instance starts. In production a missing or weak auth secret
// stops the instance instead of letting it serve sessions anyone could forge. Then the
// periodic jobs start (admission expiry), unless DAYLIGHT_SCHEDULER=off.
export const register = async () => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { assertProductionEnv } = await import('./server/env');
  try {
    assertProductionEnv();
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
  if (process.env.DAYLIGHT_SCHEDULER === 'off') return;
  const [{ getDb }, { startScheduler }] = await Promise.all([import('./db/client'), import('./server/jobs/scheduler')]);
  startScheduler(getDb);
};
