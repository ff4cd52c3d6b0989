// Errors reach people in their language: domain errors by code (with translated labels
// and values), validation errors by field, and server faults without internals.
import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DomainError } from '../errors';
import { describeError, toTRPCError } from './errors';
import { ZCreditCode, ZEmail, ZNewUser } from './routers/shared.schema';

const zodError = (schema: z.ZodType, input: unknown) => {
  const r = schema.safeParse(input);
  if (r.success) throw new Error('expected a validation error');
  return new TRPCError({ code: 'BAD_REQUEST', cause: r.error });
};

describe('error descriptions', () => {
  it('translates a domain error with labels in both languages', () => {
    const e = toTRPCError(new DomainError('org.statusNotAllowed', { field: 'status', labels: { from: 'orgStatus.banned', to: 'orgStatus.active' } }));
    expect(e.code).toBe('CONFLICT');
    expect(describeError('zh-CN', e)).toMatchObject({
      message: '机构状态不能从“已禁入”直接变为“正常”（禁入是永久的）',
      domainCode: 'org.statusNotAllowed',
      fieldErrors: { status: ['机构状态不能从“已禁入”直接变为“正常”（禁入是永久的）'] },
    });
    expect(describeError('en', e).message).toBe('An organization cannot move from “Banned” to “Active” (a ban is permanent)');
  });

  it('fills numeric values', () => {
    const e = toTRPCError(new DomainError('auth.throttled', { values: { minutes: 12 } }));
    expect(e.code).toBe('TOO_MANY_REQUESTS');
    expect(describeError('zh-CN', e).message).toBe('登录失败次数过多，请 12 分钟后再试');
  });

  it('names every invalid field, translated', () => {
    const e = zodError(ZNewUser, { email: 'nope', name: '', role: 'collector', phone: '12' });
    const zh = describeError('zh-CN', e);
    expect(zh.fieldErrors).toEqual({ email: ['邮箱格式不正确'], name: ['必填'], phone: ['请输入 11 位中国大陆手机号'] });
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
    expect(describeError('zh-CN', e)).toEqual({ message: '服务器出错了，请稍后重试', domainCode: 'internal', fieldErrors: null });
  });
});
