import { createHmac, randomUUID } from 'node:crypto';
import type { SmsKind } from '@/lib/debtor';
import { SmsSendError, type SmsProvider } from './provider';
import { templateValues } from './texts';

// Aliyun SMS (dysmsapi, API version 2017-05-25), the production provider: one SendSms call
// a message, an RPC-style request signed with signature version 1.0. The canonical query is
// every parameter but Signature, sorted by name, names and values percent-encoded by RFC 3986
// (only A–Z a–z 0–9 - _ . ~ left as they are, a space as %20); the string to sign is
// `GET&%2F&` + that query percent-encoded once more; the signature is the base64 HMAC-SHA1 of
// it, keyed with the AccessKey secret followed by `&`. Each message is a template approved in
// the provider's console (one per kind, SMS_TEMPLATE_*) filled with the kind's values; the
// sign name is the approved 【…】 signature.

export const ALIYUN_DEFAULT_ENDPOINT = 'https://dysmsapi.aliyuncs.com/';
export const ALIYUN_API_VERSION = '2017-05-25';
/** A provider that has not answered after this long is given up on for this attempt (the job retries). */
export const ALIYUN_DEFAULT_TIMEOUT_MS = 10_000;

export type AliyunConfig = {
  endpoint: string;
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  /** The approved template code of each kind. */
  templates: Readonly<Record<SmsKind, string>>;
  timeoutMs: number;
};

/** RFC 3986 percent-encoding as Aliyun's signature asks (encodeURIComponent leaves ! ' ( ) * as they are). */
export const percentEncode = (value: string): string =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The parameters sorted by name (code-unit order, as the provider sorts), each `name=value` percent-encoded. */
export const canonicalQuery = (params: Readonly<Record<string, string>>): string =>
  Object.keys(params)
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k] ?? '')}`)
    .join('&');

/** Signature version 1.0 of a GET request with these parameters (Signature itself not among them). */
export const signRpc = (params: Readonly<Record<string, string>>, accessKeySecret: string): string =>
  createHmac('sha1', `${accessKeySecret}&`)
    .update(`GET&${percentEncode('/')}&${percentEncode(canonicalQuery(params))}`, 'utf8')
    .digest('base64');

/** ISO 8601 in UTC to the second, the only form the provider takes (2026-03-05T08:00:00Z). */
export const aliyunTimestamp = (at: Date): string => at.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Answers worth trying again later: the provider's flow control (at most one code a minute
 * to a number, a few an hour), throttling of the API itself, and the provider's own faults.
 * Every other code (an illegal number, a template or sign name not approved, a bad key,
 * a day's limit reached) fails the message at once with that code.
 */
const RETRYABLE_CODES = new Set([
  'isv.BUSINESS_LIMIT_CONTROL',
  'isp.SYSTEM_ERROR',
  'ServiceUnavailable',
  'InternalError',
  'SignatureNonceUsed',
]);
export const isRetryableAliyunCode = (code: string): boolean =>
  RETRYABLE_CODES.has(code) || /^Throttling(\.|$)/.test(code);

type AliyunAnswer = { Code?: unknown; Message?: unknown; BizId?: unknown; RequestId?: unknown };

const parseAnswer = (body: string): AliyunAnswer | null => {
  try {
    const parsed: unknown = JSON.parse(body);
    return parsed && typeof parsed === 'object' ? (parsed as AliyunAnswer) : null;
  } catch {
    return null;
  }
};

export type AliyunOptions = { now?: () => Date; nonce?: () => string };

/** The Aliyun provider with this configuration. */
export const aliyunProvider = (
  config: AliyunConfig,
  { now = () => new Date(), nonce = randomUUID }: AliyunOptions = {},
): SmsProvider => ({
  name: 'aliyun',
  send: async (message) => {
    const params: Record<string, string> = {
      AccessKeyId: config.accessKeyId,
      Action: 'SendSms',
      Format: 'JSON',
      PhoneNumbers: message.to,
      SignName: config.signName,
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: nonce(),
      SignatureVersion: '1.0',
      TemplateCode: config.templates[message.kind],
      TemplateParam: JSON.stringify(templateValues(message.kind, message.params)),
      Timestamp: aliyunTimestamp(now()),
      Version: ALIYUN_API_VERSION,
    };
    const signature = signRpc(params, config.accessKeySecret);
    const url = new URL(config.endpoint);
    url.search = `?${canonicalQuery(params)}&Signature=${percentEncode(signature)}`;

    let response: Response;
    let body: string;
    try {
      // The body is read under the same deadline: a provider that stalls mid-answer is a timeout too.
      const signal = AbortSignal.timeout(config.timeoutMs);
      response = await fetch(url, {
        method: 'GET',
        signal,
        redirect: 'manual',
        headers: { accept: 'application/json' },
      });
      body = await response.text();
    } catch (e) {
      const isTimeout = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
      throw new SmsSendError(isTimeout ? 'timeout' : 'network', true, e instanceof Error ? e.message : String(e));
    }
    const answer = parseAnswer(body);
    const code = typeof answer?.Code === 'string' ? answer.Code : null;
    if (response.status >= 500) throw new SmsSendError(code ?? `http.${response.status}`, true);
    if (code === 'OK' && response.status === 200) {
      // Taken: never sent again, even should the answer lack its id.
      const ref = [answer?.BizId, answer?.RequestId].find((v) => typeof v === 'string' && v !== '');
      return { ref: typeof ref === 'string' ? ref : '' };
    }
    if (!code) throw new SmsSendError(`http.${response.status}`, false);
    const said = typeof answer?.Message === 'string' ? answer.Message : code;
    throw new SmsSendError(code, isRetryableAliyunCode(code), said);
  },
});
