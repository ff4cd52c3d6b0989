import type { SmsKind } from '@/lib/debtor';

// What each kind of message says. SMS reach mainland Chinese numbers, so the texts are
// Chinese only, signed with the platform's name as carriers require of every message
// (the signature in 【】 is registered with the provider as the sign name). A provider that
// sends by template (Aliyun) holds the same wording as an approved template per kind; the
// values here are what fills its ${…} slots (README, "SMS").

/** The sign name every message carries. */
export const SMS_SIGN = '阳光处置平台';

/** The values each kind needs, by name. */
export type SmsParamsByKind = {
  /** A one-time code for the debtor's page. */
  'debtor.code': { code: string };
  /** A plan inside the creditor's bands was approved at once. */
  'debtor.planApproved': { contractNo: string };
  /** A plan outside the bands went to the creditor for a decision. */
  'debtor.planProposed': { contractNo: string };
  /** The creditor answered a plan it was asked to decide. */
  'debtor.planDecided': { contractNo: string; answer: SmsPlanAnswer };
};
export type SmsParams<K extends SmsKind = SmsKind> = SmsParamsByKind[K];
export const SMS_PLAN_ANSWERS = ['approved', 'rejected', 'expired'] as const;
export type SmsPlanAnswer = (typeof SMS_PLAN_ANSWERS)[number];

/** The names of each kind's values, in the order its text uses them. */
export const SMS_PARAM_NAMES: { readonly [K in SmsKind]: readonly (keyof SmsParamsByKind[K])[] } = {
  'debtor.code': ['code'],
  'debtor.planApproved': ['contractNo'],
  'debtor.planProposed': ['contractNo'],
  'debtor.planDecided': ['contractNo', 'answer'],
};

const ANSWER_WORDS: Record<SmsPlanAnswer, string> = {
  approved: '已同意',
  rejected: '未同意',
  expired: '未在期限内答复',
};

/**
 * The values as a template fills them in: the same as the text below uses, with the
 * creditor's answer in words (a template slot shows what it is given).
 */
export const templateValues = (kind: SmsKind, params: Readonly<Record<string, string>>): Record<string, string> => {
  const values: Record<string, string> = {};
  for (const name of SMS_PARAM_NAMES[kind] as readonly string[]) {
    const value = params[name];
    if (value === undefined) throw new Error(`sms ${kind} without ${name}`);
    values[name] = name === 'answer' ? (ANSWER_WORDS[value as SmsPlanAnswer] ?? value) : value;
  }
  return values;
};

const TEXTS: { readonly [K in SmsKind]: (v: Record<string, string>) => string } = {
  'debtor.code': (v) => `您的验证码为${v.code}，5分钟内有效，请勿告诉他人。`,
  'debtor.planApproved': (v) => `您为合同${v.contractNo}申请的还款方案已获批准，请登录债务人页面查看还款安排。`,
  'debtor.planProposed': (v) =>
    `您为合同${v.contractNo}申请的还款方案已提交债权人审核，结果将以短信通知您，也可登录债务人页面查看。`,
  'debtor.planDecided': (v) => `债权人${v.answer}您为合同${v.contractNo}申请的还款方案，详情请登录债务人页面查看。`,
};

/** The whole text of a message as the debtor's phone shows it, signature first. */
export const smsText = (kind: SmsKind, params: Readonly<Record<string, string>>): string =>
  `【${SMS_SIGN}】${TEXTS[kind](templateValues(kind, params))}`;

/** Whether `params` holds exactly the values `kind` needs, each a short single line. */
export const isValidSmsParams = (kind: SmsKind, params: Readonly<Record<string, unknown>>): boolean => {
  const names = SMS_PARAM_NAMES[kind] as readonly string[];
  const keys = Object.keys(params);
  return (
    keys.length === names.length &&
    names.every((n) => {
      const v = params[n];
      // Providers cap each template value at a few dozen characters; a line break would split the text.
      return typeof v === 'string' && v.length > 0 && v.length <= 35 && !/[\r\n]/.test(v);
    }) &&
    (kind !== 'debtor.planDecided' || (SMS_PLAN_ANSWERS as readonly unknown[]).includes(params.answer))
  );
};
