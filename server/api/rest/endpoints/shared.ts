import { z } from 'zod';
import type { Text } from '../endpoint';

/** A whole number in a query string. */
export const queryInt = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, { error: 'v.count' })
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

export const ZCaseParams = z.strictObject({ caseId: z.uuid() });

export const ZCursorQuery = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: queryInt(1, 100).default(30),
});

/** The refusals every endpoint may answer, as problem details. */
export const errorResponses: Record<number, { description: Text }> = {
  400: { description: { zh: '请求有误，errors 逐项列出', en: 'Bad request; errors names each field' } },
  401: { description: { zh: '缺少密钥、密钥无效、已吊销或已过期', en: 'Key missing, invalid, revoked or expired' } },
  403: {
    description: {
      zh: '密钥没有这个权限，或机构不能调用',
      en: 'The key lacks the scope, or its organization may not call this',
    },
  },
  404: { description: { zh: '找不到，或属于其他机构', en: 'Not found, or another organization’s' } },
  429: { description: { zh: '超过密钥的调用频率', en: 'Over the key’s rate limit' } },
};
