import { createPrivateKey, createPublicKey, createSign, createVerify, type KeyObject } from 'node:crypto';
import { shanghaiDate } from '@/lib/dates';
import { PaymentProviderError, type PaymentLinkProvider, type PaymentNotice } from './provider';

// Alipay's open platform (openapi.alipay.com/gateway.do), 当面付 precreate
// (alipay.trade.precreate): the server asks for a QR code for an amount under our trade
// number; the answer's qr_code is a link that opens Alipay on the debtor's phone. Requests
// are signed RSA2: SHA256withRSA with the merchant's private key over every parameter but
// `sign`, empty ones left out, sorted by name, `name=value` joined by `&`, values as they
// are (not encoded); base64. The answer is signed by Alipay over the exact JSON text of its
// `alipay_trade_precreate_response` member, checked with Alipay's public key. The
// asynchronous notification (a form POST) is signed over its fields but `sign` and
// `sign_type`, the same way, and answered with the plain text `success`.

export const ALIPAY_DEFAULT_GATEWAY = 'https://openapi.alipay.com/gateway.do';
export const ALIPAY_DEFAULT_TIMEOUT_MS = 10_000;
const METHOD = 'alipay.trade.precreate';
const RESPONSE_KEY = 'alipay_trade_precreate_response';

export type AlipayConfig = {
  gateway: string;
  appId: string;
  /** The merchant's application private key (PEM, or the bare base64 Alipay's key tool writes). */
  privateKey: string;
  /** Alipay's public key for this application (PEM or bare base64). */
  alipayPublicKey: string;
  timeoutMs: number;
};

const pem = (raw: string, label: string) =>
  `-----BEGIN ${label}-----\n${raw.replace(/\s+/g, '').replace(/(.{64})/g, '$1\n')}\n-----END ${label}-----\n`;

/** A private key as PEM (PKCS#8 or PKCS#1) or bare base64 of either. */
export const alipayPrivateKey = (raw: string): KeyObject => {
  const text = raw.trim();
  if (text.includes('-----BEGIN')) return createPrivateKey(text);
  try {
    return createPrivateKey(pem(text, 'PRIVATE KEY'));
  } catch {
    return createPrivateKey(pem(text, 'RSA PRIVATE KEY'));
  }
};

/** A public key as PEM or bare base64 (SPKI). */
export const alipayPublicKey = (raw: string): KeyObject => {
  const text = raw.trim();
  return createPublicKey(text.includes('-----BEGIN') ? text : pem(text, 'PUBLIC KEY'));
};

/** The content Alipay signs: parameters but those left out, non-empty, sorted by name, `k=v&k=v`. */
export const signContent = (params: Readonly<Record<string, string>>, omit: readonly string[] = ['sign']): string =>
  Object.keys(params)
    .filter((k) => !omit.includes(k) && params[k] !== undefined && params[k] !== '')
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('&');

export const rsa2Sign = (content: string, key: KeyObject): string =>
  createSign('RSA-SHA256').update(content, 'utf8').sign(key, 'base64');

export const rsa2Verify = (content: string, signature: string, key: KeyObject): boolean => {
  try {
    return createVerify('RSA-SHA256').update(content, 'utf8').verify(key, signature, 'base64');
  } catch {
    return false;
  }
};

/** `yyyy-MM-dd HH:mm:ss` in Beijing time, as the gateway takes its timestamp. */
export const alipayTimestamp = (at: Date): string => {
  const time = new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(11, 19);
  return `${shanghaiDate(at)} ${time}`;
};

/** Fen as the yuan Alipay writes: 150050 → "1500.50". */
export const alipayAmount = (fen: number): string => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
/** Alipay's yuan ("1500.5", "1500.50") as fen, or null. */
export const fenOfAlipay = (yuan: string): number | null => {
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(yuan.trim());
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : null;
};

/**
 * The exact text of the JSON member `key`'s object value in `body` (what Alipay signed),
 * read by scanning its braces and strings; null when it is not there.
 */
export const rawMember = (body: string, key: string): string | null => {
  const at = body.indexOf(`"${key}"`);
  if (at < 0) return null;
  const start = body.indexOf('{', at + key.length + 2);
  if (start < 0 || body.slice(at + key.length + 2, start).trim() !== ':') return null;
  let depth = 0;
  let inString = false;
  for (let i = start; i < body.length; i += 1) {
    const c = body[i];
    if (inString) {
      if (c === '\\') i += 1;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth += 1;
    else if (c === '}' && (depth -= 1) === 0) return body.slice(start, i + 1);
  }
  return null;
};

type PrecreateAnswer = { code?: unknown; msg?: unknown; sub_code?: unknown; sub_msg?: unknown; qr_code?: unknown };

export type AlipayOptions = { now?: () => Date };

/** The Alipay provider of one creditor's application. */
export const alipayProvider = (
  config: AlipayConfig,
  { now = () => new Date() }: AlipayOptions = {},
): PaymentLinkProvider => {
  const privateKey = alipayPrivateKey(config.privateKey);
  const publicKey = alipayPublicKey(config.alipayPublicKey);
  return {
    name: 'alipay',
    createLink: async (request) => {
      const params: Record<string, string> = {
        app_id: config.appId,
        method: METHOD,
        format: 'JSON',
        charset: 'utf-8',
        sign_type: 'RSA2',
        timestamp: alipayTimestamp(now()),
        version: '1.0',
        notify_url: request.notifyUrl,
        biz_content: JSON.stringify({
          out_trade_no: request.outTradeNo,
          total_amount: alipayAmount(request.amount),
          subject: request.subject,
        }),
      };
      params.sign = rsa2Sign(signContent(params), privateKey);
      let body: string;
      try {
        const response = await fetch(config.gateway, {
          method: 'POST',
          signal: AbortSignal.timeout(config.timeoutMs),
          redirect: 'manual',
          headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
          body: new URLSearchParams(params).toString(),
        });
        body = await response.text();
        if (response.status !== 200) throw new PaymentProviderError(`http.${response.status}`);
      } catch (e) {
        if (e instanceof PaymentProviderError) throw e;
        const isTimeout = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
        throw new PaymentProviderError(isTimeout ? 'timeout' : 'network', e instanceof Error ? e.message : String(e));
      }
      const raw = rawMember(body, RESPONSE_KEY);
      let answer: PrecreateAnswer;
      let sign: unknown;
      try {
        answer = raw ? (JSON.parse(raw) as PrecreateAnswer) : {};
        sign = (JSON.parse(body) as { sign?: unknown }).sign;
      } catch {
        throw new PaymentProviderError('alipay.badAnswer');
      }
      if (answer.code !== '10000') {
        const code = typeof answer.sub_code === 'string' ? answer.sub_code : String(answer.code ?? 'alipay.badAnswer');
        throw new PaymentProviderError(code, typeof answer.sub_msg === 'string' ? answer.sub_msg : code);
      }
      // A success counts only when Alipay signed it: anything else may be anyone's answer.
      if (!raw || typeof sign !== 'string' || !rsa2Verify(raw, sign, publicKey))
        throw new PaymentProviderError('alipay.badSignature');
      if (typeof answer.qr_code !== 'string' || !/^https:\/\//.test(answer.qr_code))
        throw new PaymentProviderError('alipay.badAnswer');
      return { url: answer.qr_code };
    },
    readNotice: (fields) => {
      const sign = fields.sign;
      if (!sign || (fields.sign_type && fields.sign_type !== 'RSA2')) return null;
      if (!rsa2Verify(signContent(fields, ['sign', 'sign_type']), sign, publicKey)) return null;
      const amount = fenOfAlipay(fields.total_amount ?? '');
      if (!fields.out_trade_no || !fields.trade_no || amount === null) return null;
      const paidAt = fields.gmt_payment ? new Date(`${fields.gmt_payment.replace(' ', 'T')}+08:00`) : null;
      const notice: PaymentNotice = {
        outTradeNo: fields.out_trade_no,
        tradeNo: fields.trade_no,
        amount,
        isPaid: fields.trade_status === 'TRADE_SUCCESS' || fields.trade_status === 'TRADE_FINISHED',
        appId: fields.app_id ?? '',
        paidAt: paidAt && !Number.isNaN(paidAt.getTime()) ? paidAt : null,
      };
      return notice;
    },
  };
};
