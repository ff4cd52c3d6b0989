import type { CaseContact, SealedPhone } from '@/db/schema';
import { blindIndex, encryptPii, maskIdNumber, maskPhone } from '../../pii/crypto';
import type { CaseInput } from './import-row';

// DESIGN §5: ID and phone numbers leave memory only encrypted, with a blind index for
// exact lookup and the masked form every list shows.

export const sealPhone = (phone: string): SealedPhone => ({
  enc: encryptPii(phone),
  idx: blindIndex(phone),
  masked: maskPhone(phone),
});

export const sealCase = (c: CaseInput) => ({
  contract_no: c.contractNo,
  debtor_name: c.debtorName,
  id_number_enc: encryptPii(c.idNumber),
  id_number_idx: blindIndex(c.idNumber),
  id_number_masked: maskIdNumber(c.idNumber),
  phones: c.phones.map(sealPhone),
  contacts: c.contacts.map((k): CaseContact => ({ name: k.name, relation: k.relation, phone: sealPhone(k.phone) })),
  loan_amount: c.loanAmount,
  principal_outstanding: c.principalOutstanding,
  amount_overdue: c.amountOverdue,
  days_overdue: c.daysOverdue,
  loan_date: c.loanDate,
  product: c.product,
  province: c.province,
  city: c.city,
  address: c.address,
  time_zone: c.timeZone,
  extra: c.extra,
});
export type SealedCase = ReturnType<typeof sealCase>;
