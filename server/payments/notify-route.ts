import type { Db } from '@/db/client';
import { PAYMENT_PROVIDERS, type PaymentProvider } from '@/lib/payments';
import { metaFromHeaders } from '../api/context';
import { receivePaymentNotice } from '../domain/payments/notice';

// Where a creditor's payment provider posts its notification of a paid trade
// (/api/payments/<provider>/notify, README "Payments"): a form of the provider's fields,
// answered in the provider's words, `success` once recorded (or recorded before) and
// `failure` otherwise, which the provider takes as a reason to try again later.

const MAX_BODY = 64 * 1024;

export const handlePaymentNotice = async (req: Request, db: Db, providerName: string): Promise<Response> => {
  const answer = (text: 'success' | 'failure', status = 200) =>
    new Response(text, {
      status,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    });
  if (!(PAYMENT_PROVIDERS as readonly string[]).includes(providerName)) return answer('failure', 404);
  if (req.method !== 'POST') return answer('failure', 405);
  const body = await req.text();
  if (body.length > MAX_BODY) return answer('failure', 413);
  const fields = Object.fromEntries(new URLSearchParams(body));
  try {
    const outcome = await receivePaymentNotice(
      db,
      metaFromHeaders(req.headers),
      providerName as PaymentProvider,
      fields,
    );
    if (outcome === 'refused') console.warn(`payment notice refused (${providerName}, ${fields.out_trade_no ?? '?'})`);
    return answer(outcome === 'refused' ? 'failure' : 'success');
  } catch (e) {
    console.error('payment notice failed', e);
    return answer('failure', 500);
  }
};
