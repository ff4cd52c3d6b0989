import { z } from 'zod';
import { ALL_API_SCOPES } from '@/lib/api-scopes';
import type { Locale } from '@/lib/enums';
import type { AnyEndpoint, Text } from './endpoint';
import { ENDPOINTS } from './endpoints';

// The OpenAPI 3.1 document of /api/v1, built from the same endpoint list and zod schemas the
// router checks requests with, in the caller's language. OpenAPI 3.1 schemas are JSON Schema
// 2020-12, which zod writes itself.

type JsonSchema = Record<string, unknown>;

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const out = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
    override: (ctx) => {
      // Dates travel as ISO 8601 strings in JSON.
      if (ctx.zodSchema._zod.def.type === 'date') {
        ctx.jsonSchema.type = 'string';
        ctx.jsonSchema.format = 'date-time';
      }
      // zod bounds every integer by JavaScript's safe range; said of a count or an amount, that
      // bound is noise, and reference viewers take it for the example value (-9007199254740991).
      if (ctx.jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete ctx.jsonSchema.minimum;
      if (ctx.jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete ctx.jsonSchema.maximum;
    },
  }) as JsonSchema;
  delete out.$schema;
  return out;
};

const ZProblemField = z.object({
  pointer: z.string(),
  index: z.number().int().optional(),
  field: z.string(),
  code: z.string().optional(),
  message: z.string(),
});
const ZProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string(),
  instance: z.string().optional(),
  values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  errors: z.array(ZProblemField).optional(),
});

const PAGE: Record<Locale, { title: string; description: string }> = {
  'zh-CN': {
    title: '阳光处置平台 API',
    description:
      '债权人的贷后系统和催收机构的系统通过这个接口与平台交换案件、催记和回款，所有规则与页面相同。\n\n' +
      '**认证**：`Authorization: Bearer dl_live_…`。密钥由机构管理员在“开放接口”页面创建，只显示一次；每把密钥只有创建时选定的权限范围。\n\n' +
      '**错误**：RFC 9457 问题详情（`application/problem+json`），`code` 与页面的错误代码相同，`detail` 的语言由 `Accept-Language` 决定。\n\n' +
      '**频率**：每把密钥每分钟的调用次数有上限，答复带 `RateLimit` 头；超过时答复 429 和 `Retry-After`。\n\n' +
      '**幂等**：创建类接口接受 `Idempotency-Key` 头，24 小时内用同一个键重试返回第一次的答复。\n\n' +
      '**金额**：一律以分为单位的整数。证件号和手机号一律脱敏。',
  },
  en: {
    title: 'Daylight API',
    description:
      'Lenders’ loan systems and agencies’ systems exchange cases, actions and repayments with the platform here, under the same rules as the screens.\n\n' +
      '**Authentication**: `Authorization: Bearer dl_live_…`. An organization admin creates keys on the API keys screen; the secret is shown once, and a key has only the scopes chosen for it.\n\n' +
      '**Errors**: RFC 9457 problem details (`application/problem+json`); `code` is the error code the screens use, `detail` is in the language of `Accept-Language`.\n\n' +
      '**Rate limits**: each key has a number of calls a minute; answers carry `RateLimit` headers, and a call over the limit is answered 429 with `Retry-After`.\n\n' +
      '**Idempotency**: endpoints that create accept an `Idempotency-Key` header; a retry with the same key within 24 hours gets the first answer.\n\n' +
      '**Money** is in integer fen (分). ID and phone numbers are always masked.',
  },
};

const TAGS: Record<AnyEndpoint['tag'], Text> = {
  creditor: { zh: '债权人', en: 'Creditors' },
  agency: { zh: '催收机构', en: 'Agencies' },
};

const pick = (locale: Locale, text: Text) => (locale === 'en' ? text.en : text.zh);

/** The parameters of an object schema (path or query), each with its own schema. */
const parametersOf = (schema: z.ZodType | undefined, where: 'path' | 'query') => {
  if (!schema) return [];
  const json = toSchema(schema, 'input');
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    schema: s,
  }));
};

const problemContent = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };

const operationOf = (e: AnyEndpoint, locale: Locale) => ({
  operationId: e.operationId,
  summary: pick(locale, e.summary),
  ...(e.description ? { description: pick(locale, e.description) } : {}),
  tags: [pick(locale, TAGS[e.tag])],
  security: [{ apiKey: [e.scope] }],
  'x-scope': e.scope,
  parameters: [
    ...parametersOf(e.params, 'path'),
    ...parametersOf(e.query, 'query'),
    ...(e.isIdempotent
      ? [
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: false,
            description: pick(locale, {
              zh: '同一个键的重试返回第一次的答复（24 小时内）',
              en: 'A retry with the same key gets the first answer (within 24 hours)',
            }),
            schema: { type: 'string', maxLength: 200 },
          },
        ]
      : []),
  ],
  ...(e.rawBody
    ? {
        requestBody: {
          required: true,
          description: pick(locale, e.rawBody.description),
          content: Object.fromEntries(
            e.rawBody.mediaTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
          ),
        },
      }
    : e.body
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: toSchema(e.documentedBody ?? e.body, 'input'),
                ...(e.example === undefined ? {} : { example: e.example }),
              },
            },
          },
        }
      : {}),
  responses: Object.fromEntries(
    Object.entries(e.responses).map(([status, r]) => [
      status,
      {
        description: pick(locale, r.description),
        ...(r.schema
          ? { content: { 'application/json': { schema: toSchema(r.schema, 'output') } } }
          : Number(status) >= 400
            ? { content: problemContent }
            : {}),
      },
    ]),
  ),
});

const cache = new Map<string, unknown>();

/** The document, for `origin` (its server URL) in `locale`. */
export const openApiDocument = (locale: Locale, origin: string) => {
  const key = `${locale} ${origin}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of ENDPOINTS) (paths[e.path] ??= {})[e.method.toLowerCase()] = operationOf(e, locale);
  const doc = {
    openapi: '3.1.0',
    info: { title: PAGE[locale].title, version: '1.0.0', description: PAGE[locale].description },
    servers: [{ url: `${origin}/api/v1` }],
    tags: Object.values(TAGS).map((t) => ({ name: pick(locale, t) })),
    security: [{ apiKey: [] }],
    paths,
    components: {
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          description: pick(locale, {
            zh: `API 密钥（dl_live_…）。权限范围：${ALL_API_SCOPES.join('、')}`,
            en: `An API key (dl_live_…). Scopes: ${ALL_API_SCOPES.join(', ')}`,
          }),
        },
      },
      schemas: { Problem: toSchema(ZProblem, 'output') },
    },
  };
  if (cache.size > 20) cache.clear();
  cache.set(key, doc);
  return doc;
};
