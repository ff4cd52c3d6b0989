import type { PaymentProvider } from '@/lib/payments';

// A payment-link provider (issue 20): the creditor's own merchant account at a payment
// service, through which the debtor pays the creditor directly from their phone. The
// provider makes a link (or QR code) for an amount under our trade number, and later tells
// us, in a signed notification, that the trade was paid; the notification is the only
// proof of payment we accept, and only when its signature holds.

/** What a link is made for: the amount in fen, our trade number (it carries the case's reference), a title. */
export type PaymentLinkRequest = {
  outTradeNo: string;
  amount: number;
  subject: string;
  /** Where the provider posts its notification. */
  notifyUrl: string;
};

/** A notification whose signature held, as the provider said it. */
export type PaymentNotice = {
  outTradeNo: string;
  /** The provider's own trade number: one payment, however often it is notified. */
  tradeNo: string;
  /** The amount paid, in fen. */
  amount: number;
  /** Whether the trade is paid (other states are acknowledged and kept no record of). */
  isPaid: boolean;
  /** The merchant the notification is for (checked against the creditor's). */
  appId: string;
  paidAt: Date | null;
};

export type PaymentLinkProvider = {
  name: PaymentProvider;
  /** A link the debtor opens (or a QR code's content) to pay; throws a PaymentProviderError otherwise. */
  createLink: (request: PaymentLinkRequest) => Promise<{ url: string }>;
  /** The notification read from its form fields, or null when its signature does not hold. */
  readNotice: (fields: Readonly<Record<string, string>>) => PaymentNotice | null;
};

/** The provider refused or could not be reached: `code` is the provider's own where it gave one. */
export class PaymentProviderError extends Error {
  readonly code: string;

  constructor(code: string, message?: string) {
    super(message ?? code);
    this.name = 'PaymentProviderError';
    this.code = code;
  }
}
