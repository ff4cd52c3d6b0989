import type { CreditorPaymentSettings } from '@/db/schema';
import { decryptPii } from '../pii/crypto';
import { ALIPAY_DEFAULT_GATEWAY, ALIPAY_DEFAULT_TIMEOUT_MS, alipayProvider } from './alipay';
import type { PaymentLinkProvider } from './provider';

// Which gateway a creditor's payment-link provider is reached at, and where it sends its
// notifications (README, "Payments"). The provider, its application id and keys are each
// creditor's own (its payment settings); the environment says where the gateway is and
// the platform's public address the provider posts to:
//   PAYMENTS_PUBLIC_URL          the platform's address as the provider reaches it (https://…);
//                                without it no "pay online" link is offered
//   PAYMENTS_ALIPAY_GATEWAY      Alipay's gateway (default https://openapi.alipay.com/gateway.do;
//                                the sandbox is https://openapi-sandbox.dl.alipaydev.com/gateway.do)
//   PAYMENTS_ALIPAY_TIMEOUT_MS   how long a request may take (default 10 s)

type Env = Readonly<Record<string, string | undefined>>;

/** Where the provider posts its notification of a payment, or null when the platform's public address is not set. */
export const notifyUrl = (provider: string, env: Env = process.env): string | null => {
  const base = env.PAYMENTS_PUBLIC_URL?.trim();
  if (!base) return null;
  try {
    return new URL(`/api/payments/${provider}/notify`, base).toString();
  } catch {
    return null;
  }
};

/** The creditor's provider as its settings and the environment configure it, or null when it has none. */
export const linkProviderOf = (
  settings: Pick<
    CreditorPaymentSettings,
    'provider' | 'providerAppId' | 'providerPrivateKeySealed' | 'providerPublicKey'
  > | null,
  env: Env = process.env,
): PaymentLinkProvider | null => {
  if (!settings?.provider || !settings.providerPrivateKeySealed || !settings.providerPublicKey) return null;
  const timeout = Number(env.PAYMENTS_ALIPAY_TIMEOUT_MS ?? ALIPAY_DEFAULT_TIMEOUT_MS);
  return alipayProvider({
    gateway: env.PAYMENTS_ALIPAY_GATEWAY?.trim() || ALIPAY_DEFAULT_GATEWAY,
    appId: settings.providerAppId,
    privateKey: decryptPii(settings.providerPrivateKeySealed),
    alipayPublicKey: settings.providerPublicKey,
    timeoutMs: Number.isInteger(timeout) && timeout > 0 ? timeout : ALIPAY_DEFAULT_TIMEOUT_MS,
  });
};
