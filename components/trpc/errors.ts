import { TRPCClientError } from '@trpc/client';

export type ErrorInfo = { message: string; fieldErrors: Record<string, string[]>; domainCode: string | null };

/** The server already translated the message; this only unpacks it for forms. */
export const errorInfo = (e: unknown): ErrorInfo | null => {
  if (!e) return null;
  if (e instanceof TRPCClientError) {
    const data = (e.data ?? {}) as { fieldErrors?: Record<string, string[]> | null; domainCode?: string | null };
    return { message: e.message, fieldErrors: data.fieldErrors ?? {}, domainCode: data.domainCode ?? null };
  }
  return { message: e instanceof Error ? e.message : String(e), fieldErrors: {}, domainCode: null };
};
