import { getDb } from '@/db/client';
import { handlePaymentNotice } from '@/server/payments/notify-route';

// A payment provider's notification of a paid trade (README, "Payments").
export const POST = async (req: Request, { params }: { params: Promise<{ provider: string }> }) =>
  handlePaymentNotice(req, getDb(), (await params).provider);
