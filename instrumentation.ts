export const register = async () => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { assertProductionEnv } = await import('./server/env');
  assertProductionEnv();
};
