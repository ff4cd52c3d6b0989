// Validated environment. In production the app refuses to start without a real auth
// secret (instrumentation.ts calls assertProductionEnv at server start).

const DEV_AUTH_SECRET = 'daylight-development-secret-not-for-production';

export const isProduction = (): boolean => process.env.NODE_ENV === 'production';

export const authSecret = (): string => {
  const secret = process.env.NEXTAUTH_SECRET;
  if (secret) return secret;
  if (isProduction()) throw new Error('NEXTAUTH_SECRET must be set in production');
  return DEV_AUTH_SECRET;
};

export const assertProductionEnv = (): void => {
  if (!isProduction()) return;
  const secret = process.env.NEXTAUTH_SECRET ?? '';
  if (secret.length < 32 || secret === DEV_AUTH_SECRET || /change-me/i.test(secret)) {
    throw new Error(
      'Refusing to start: NEXTAUTH_SECRET must be a random value of at least 32 characters in production',
    );
  }
  for (const name of ['PII_ENCRYPTION_KEY', 'PII_HMAC_KEY']) {
    if (Buffer.from(process.env[name] ?? '', 'base64').length !== 32) {
      throw new Error(`Refusing to start: ${name} must be 32 random bytes, base64-encoded, in production`);
    }
  }
};

/** The demo accounts are listed on the sign-in page in development only (or when asked for explicitly). */
export const showDemoAccounts = (): boolean => !isProduction() || process.env.DAYLIGHT_SHOW_DEMO_ACCOUNTS === '1';
