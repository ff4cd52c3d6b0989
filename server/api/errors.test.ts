// Errors reach people in their language: domain errors by code (with translated labels
// and values), validation errors by field, server faults without internals, and a lost
// database connection as 503 "try again".
import { TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { databaseFault, DomainError } from '../errors';
import { localeFromCookieHeader } from '../i18n/translate';
import { createInnerContext } from './context';
import { describeError, toTRPCError } from './errors';
import { publicProcedure, router, signedInProcedure } from './trpc';
import { ZCreditCode, ZEmail, ZNewUser } from './routers/shared.schema';

const zodError = (schema: z.ZodType, input: unknown) => {
  const r = schema.safeParse(input);
  if (r.success) throw new Error('expected a validation error');
  return new TRPCError({ code: 'BAD_REQUEST', cause: r.error });
};

describe('error descriptions', () => {
  it('translates a domain error with labels in both languages', () => {
    const e = toTRPCError(
      new DomainError('org.statusNotAllowed', {
        field: 'status',
        labels: { from: 'orgStatus.banned', to: 'orgStatus.active' },
      }),
    );
    expect(e.code).toBe('CONFLICT');
    expect(describeError('zh-CN', e)).toMatchObject({
      message: '机构状态不能从“已禁入”直接变为“正常”（禁入是永久的）',
      domainCode: 'org.statusNotAllowed',
      fieldErrors: { status: ['机构状态不能从“已禁入”直接变为“正常”（禁入是永久的）'] },
    });
    expect(describeError('en', e).message).toBe(
      'An organization cannot move from “Banned” to “Active” (a ban is permanent)',
    );
  });

  it('fills numeric values', () => {
    const e = toTRPCError(new DomainError('auth.throttled', { values: { minutes: 12 } }));
    expect(e.code).toBe('TOO_MANY_REQUESTS');
    expect(describeError('zh-CN', e).message).toBe('登录失败次数过多，请 12 分钟后再试');
  });

  it('names every invalid field, translated', () => {
    const e = zodError(ZNewUser, { email: 'nope', name: '', role: 'collector', phone: '12' });
    const zh = describeError('zh-CN', e);
    expect(zh.fieldErrors).toEqual({
      email: ['邮箱格式不正确'],
      name: ['必填'],
      phone: ['请输入 11 位中国大陆手机号'],
    });
    expect(zh.message).toContain('邮箱: 邮箱格式不正确');
    const en = describeError('en', e);
    expect(en.fieldErrors).toMatchObject({ email: ['Invalid email address'] });
    expect(en.message).toContain('Email: Invalid email address');
  });

  it('refuses unknown keys by name', () => {
    const e = zodError(ZNewUser, { email: 'a@b.cn', name: '王五', role: 'viewer', orgId: 'x' });
    expect(describeError('en', e).fieldErrors).toMatchObject({ orgId: ['Fields not accepted: orgId'] });
  });

  it('explains a bad credit code and normalises a good one', () => {
    expect(describeError('zh-CN', zodError(ZCreditCode, '91110108551385082R')).fieldErrors).toEqual({
      _: ['统一社会信用代码无效（应为 18 位，且校验位正确）'],
    });
    expect(ZCreditCode.parse(' 91110108551385082q ')).toBe('91110108551385082Q');
    expect(ZEmail.parse('  Admin@Example.CN ')).toBe('admin@example.cn');
  });

  it('hides internal faults', () => {
    const e = new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: new Error('relation "x" does not exist') });
    expect(describeError('zh-CN', e)).toEqual({
      message: '服务器出错了，请稍后重试',
      domainCode: 'internal',
      fieldErrors: null,
    });
  });
});

// A database that drops its connections (restarted, failed over, sessions ended by an
// administrator) is not the request's fault: the answer is 503 with "try again" in the
// caller's language, never a server fault with its internals.
describe('database unavailable', () => {
  const lost = (code: string) =>
    Object.assign(new Error('terminating connection due to administrator command'), { code });
  // Node's socket errors name the call that failed.
  const socket = (code: string) => Object.assign(new Error(`read ${code}`), { code, syscall: 'read' });
  // drizzle wraps the driver's error as the cause of its own.
  const wrapped = (code: string) => new Error('Failed query: select 1\nparams: ', { cause: lost(code) });

  it('recognises connection-level failures, wrapped or not', () => {
    for (const code of ['57P01', '57P02', '57P03', '08006', '08003', 'CONNECTION_CLOSED', 'CONNECTION_ENDED']) {
      expect([code, databaseFault(lost(code)), databaseFault(wrapped(code))]).toEqual([
        code,
        'db.unavailable',
        'db.unavailable',
      ]);
    }
    for (const code of ['ECONNRESET', 'ECONNREFUSED', 'EPIPE'])
      expect([code, databaseFault(new Error('x', { cause: socket(code) }))]).toEqual([code, 'db.unavailable']);
    // A browser hanging up mid-request: the request's own stream, not the database.
    const hungUp = Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
    for (const e of [lost('23505'), hungUp, new Error('boom'), null, 'CONNECTION_CLOSED'])
      expect(databaseFault(e)).toBeNull();
  });

  it('translates to 503 in both languages', () => {
    const e = toTRPCError(new DomainError('db.unavailable'));
    expect(e.code).toBe('SERVICE_UNAVAILABLE');
    expect(describeError('zh-CN', e)).toEqual({
      message: '暂时无法连接数据库，请稍后重试',
      domainCode: 'db.unavailable',
      fieldErrors: null,
    });
    expect(describeError('en', e).message).toBe('The database cannot be reached right now. Please try again shortly.');
  });

  const meta = { ip: null, userAgent: null };
  // Every query fails the way postgres-js fails when its connection was terminated.
  const droppedDb = new Proxy(
    {},
    {
      get: () => () => {
        throw wrapped('57P01');
      },
    },
  ) as unknown as Db;
  const appRouter = router({
    ping: publicProcedure.query(() => {
      throw wrapped('57P01');
    }),
    mine: signedInProcedure.query(() => 'never'),
  });
  const call = (procedure: string, cookie = '') =>
    fetchRequestHandler({
      endpoint: '/api/trpc',
      req: new Request(`http://localhost/api/trpc/${procedure}`, { headers: { cookie } }),
      router: appRouter,
      createContext: () =>
        createInnerContext({
          db: droppedDb,
          session: { userId: 'user-1', sessionVersion: 0 },
          locale: localeFromCookieHeader(cookie),
          meta,
        }),
    });

  it('answers 503 over HTTP when a query loses its connection, with no stack', async () => {
    const res = await call('ping');
    expect(res.status).toBe(503);
    const body = (await res.json()) as { error: { json: { message: string; data: Record<string, unknown> } } };
    expect(body.error.json.message).toBe('暂时无法连接数据库，请稍后重试');
    expect(body.error.json.data).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      httpStatus: 503,
      domainCode: 'db.unavailable',
    });
    expect(JSON.stringify(body)).not.toMatch(/\bat \S+:\d+/);
  });

  it('answers 503 when the session user cannot be read, in the caller language', async () => {
    const res = await call('mine', 'daylight-locale=en');
    expect(res.status).toBe(503);
    const body = (await res.json()) as { error: { json: { message: string } } };
    expect(body.error.json.message).toBe('The database cannot be reached right now. Please try again shortly.');
  });
});
