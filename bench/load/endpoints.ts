import { mutationBody, queryPath } from './http';

// What each signed-in user asks for under load. Collectors work their own cases, one at
// random for each request: the rule check before dialling, then the call logged as
// unanswered (allowed up to the rulebook's daily caps, refused after them with a 412).

export type LoadRequest = { method: 'GET' | 'POST'; path: string; body?: string };

/** The creditor's first page of cases, as the case list opens. */
export const LIST_INPUT = { limit: 50 };

const pick = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(Math.random() * xs.length)];

export const caseList = (): LoadRequest => ({ method: 'GET', path: queryPath('cases.list', LIST_INPUT) });

export const collectorQueue = (): LoadRequest => ({ method: 'GET', path: queryPath('work.queue', { limit: 30 }) });

export const canContact = (caseIds: readonly string[]): LoadRequest => ({
  method: 'GET',
  path: queryPath('work.canContact', { caseId: pick(caseIds), channel: 'call', target: 'debtor', index: 0 }),
});

export const logCall = (caseIds: readonly string[]): LoadRequest => ({
  method: 'POST',
  path: '/api/trpc/work.logAction',
  body: mutationBody({
    caseId: pick(caseIds),
    channel: 'call',
    target: 'debtor',
    index: 0,
    outcome: 'unanswered',
    note: '无人接听',
  }),
});
