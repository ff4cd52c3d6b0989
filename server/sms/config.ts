import { SMS_KINDS, type SmsKind } from '@/lib/debtor';
import { ALIYUN_DEFAULT_ENDPOINT, ALIYUN_DEFAULT_TIMEOUT_MS, aliyunProvider, type AliyunConfig } from './aliyun';
import { outboxProvider, type SmsProvider } from './provider';

// Which provider sends the platform's SMS, from the environment (README, "SMS"):
// SMS_PROVIDER names it (`outbox` or `aliyun`). Unset, development and tests use the outbox;
// production has no default, since an outbox there would keep every debtor's one-time code
// on a page instead of sending it: each message is then recorded as failed with
// `sms.notConfigured` and the server says so when it starts. A provider named but not fully
// configured (Aliyun without its keys, sign name or a kind's template) is the same error.

export const SMS_PROVIDERS = ['outbox', 'aliyun'] as const;
export type SmsProviderName = (typeof SMS_PROVIDERS)[number];

/** The error a message keeps when no provider can send it. */
export const SMS_NOT_CONFIGURED = 'sms.notConfigured';

export type SmsSetup =
  { name: 'outbox' } | { name: 'aliyun'; config: AliyunConfig } | { name: null; problems: string[] };

type Env = Readonly<Record<string, string | undefined>>;

/** The variable holding a kind's Aliyun template code: debtor.planApproved → SMS_TEMPLATE_DEBTOR_PLAN_APPROVED. */
export const templateVariable = (kind: SmsKind): string =>
  `SMS_TEMPLATE_${kind
    .replace(/\./g, '_')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()}`;

const value = (env: Env, name: string): string | undefined => {
  const v = env[name]?.trim();
  return v ? v : undefined;
};

const aliyunSetup = (env: Env): SmsSetup => {
  const problems: string[] = [];
  const need = (name: string) => {
    const v = value(env, name);
    if (!v) problems.push(`${name} is not set`);
    return v ?? '';
  };
  const accessKeyId = need('SMS_ALIYUN_ACCESS_KEY_ID');
  const accessKeySecret = need('SMS_ALIYUN_ACCESS_KEY_SECRET');
  const signName = need('SMS_SIGN_NAME');
  const templates = Object.fromEntries(SMS_KINDS.map((k) => [k, need(templateVariable(k))])) as Record<SmsKind, string>;
  const endpoint = value(env, 'SMS_ALIYUN_ENDPOINT') ?? ALIYUN_DEFAULT_ENDPOINT;
  try {
    const url = new URL(endpoint);
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      problems.push('SMS_ALIYUN_ENDPOINT is not an http(s) URL');
  } catch {
    problems.push('SMS_ALIYUN_ENDPOINT is not a URL');
  }
  const timeout = value(env, 'SMS_ALIYUN_TIMEOUT_MS');
  const timeoutMs = timeout === undefined ? ALIYUN_DEFAULT_TIMEOUT_MS : Number(timeout);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) problems.push('SMS_ALIYUN_TIMEOUT_MS is not a positive number');
  if (problems.length > 0) return { name: null, problems };
  return { name: 'aliyun', config: { endpoint, accessKeyId, accessKeySecret, signName, templates, timeoutMs } };
};

/** The provider the environment asks for, or why none can send. */
export const smsSetup = (env: Env = process.env): SmsSetup => {
  const name = value(env, 'SMS_PROVIDER');
  if (name === undefined)
    return env.NODE_ENV === 'production'
      ? { name: null, problems: ['SMS_PROVIDER is not set (outbox or aliyun)'] }
      : { name: 'outbox' };
  if (name === 'outbox') return { name: 'outbox' };
  if (name === 'aliyun') return aliyunSetup(env);
  return { name: null, problems: [`SMS_PROVIDER=${name} is not a provider (outbox or aliyun)`] };
};

/** The provider in use, or null when none is configured (messages fail with SMS_NOT_CONFIGURED). */
export const smsProvider = (env: Env = process.env): SmsProvider | null => {
  const setup = smsSetup(env);
  if (setup.name === 'outbox') return outboxProvider;
  if (setup.name === 'aliyun') return aliyunProvider(setup.config);
  return null;
};

/** Whether messages stay in the outbox: the only case in which /dev/sms and devSms.list exist. */
export const isOutboxInUse = (env: Env = process.env): boolean => smsSetup(env).name === 'outbox';

/**
 * What a starting server or worker says of its SMS setup: an error when no message can be
 * sent, a warning when a production build keeps them in the outbox (the browser tests do,
 * on purpose; anywhere else it would publish one-time codes), nothing otherwise.
 */
export const smsSetupNotes = (env: Env = process.env): { level: 'error' | 'warn'; text: string }[] => {
  const setup = smsSetup(env);
  if (setup.name === null)
    return [
      {
        level: 'error',
        text: `SMS is not configured: ${setup.problems.join('; ')}. Every message will be recorded as failed (${SMS_NOT_CONFIGURED}) until it is (README, "SMS").`,
      },
    ];
  if (setup.name === 'outbox' && env.NODE_ENV === 'production')
    return [
      {
        level: 'warn',
        text: 'SMS_PROVIDER=outbox: no SMS leaves this server and every message, one-time codes included, is shown at /dev/sms. For tests only.',
      },
    ];
  return [];
};

/** Writes smsSetupNotes to the log (a server or the worker starting). */
export const logSmsSetup = (env: Env = process.env): void => {
  for (const note of smsSetupNotes(env)) (note.level === 'error' ? console.error : console.warn)(note.text);
};
