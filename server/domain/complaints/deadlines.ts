import type { ComplaintStatus } from '@/lib/enums';

// Complaint deadlines (DESIGN §3): acknowledge within 1 day of receipt; the agency answers
// within 10 calendar days of being asked; resolution within 15 days of receipt, which the
// handler may extend once, to 30 days, with a reason.

const DAY_MS = 86_400_000;
export const ACK_DAYS = 1;
export const RESPONSE_DAYS = 10;
export const RESOLUTION_DAYS = 15;
export const EXTENDED_RESOLUTION_DAYS = 30;

const plusDays = (at: Date, days: number) => new Date(at.getTime() + days * DAY_MS);

export const ackDue = (receivedAt: Date) => plusDays(receivedAt, ACK_DAYS);
export const responseDue = (requestedAt: Date) => plusDays(requestedAt, RESPONSE_DAYS);
export const resolutionDue = (receivedAt: Date) => plusDays(receivedAt, RESOLUTION_DAYS);
export const extendedResolutionDue = (receivedAt: Date) => plusDays(receivedAt, EXTENDED_RESOLUTION_DAYS);

export type DeadlineState = {
  status: ComplaintStatus;
  ackDueAt: Date;
  acknowledgedAt: Date | null;
  responseDueAt: Date | null;
  respondedAt: Date | null;
  resolutionDueAt: Date;
  decidedAt: Date | null;
};

export type Overdue = 'ack' | 'response' | 'resolution';

/**
 * Which deadlines a complaint has missed at `now`, for highlighting: a step done late is
 * no longer overdue (it is recorded as late in the scorecard), one still waiting is.
 */
export const overdueOf = (c: DeadlineState, now: Date): Overdue[] => {
  const out: Overdue[] = [];
  if (!c.acknowledgedAt && c.status === 'received' && now > c.ackDueAt) out.push('ack');
  if (c.status === 'awaiting_response' && !c.respondedAt && c.responseDueAt && now > c.responseDueAt)
    out.push('response');
  if (!c.decidedAt && now > c.resolutionDueAt) out.push('resolution');
  return out;
};

/** The deadline that comes next for an open complaint (what the staff list sorts by), or null when decided. */
export const nextDeadline = (c: DeadlineState): Date | null => {
  if (c.decidedAt) return null;
  const candidates = [c.resolutionDueAt];
  if (c.status === 'received') candidates.push(c.ackDueAt);
  if (c.status === 'awaiting_response' && c.responseDueAt) candidates.push(c.responseDueAt);
  return new Date(Math.min(...candidates.map((d) => d.getTime())));
};
