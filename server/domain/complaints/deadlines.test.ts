// Complaint deadlines (DESIGN §3): acknowledge within 1 day, the agency answers within 10
// calendar days of the request, resolution within 15 days (30 when extended). A missed
// step is highlighted while it is still waiting.
import { describe, expect, it } from 'vitest';
import {
  ackDue,
  extendedResolutionDue,
  nextDeadline,
  overdueOf,
  resolutionDue,
  responseDue,
  type DeadlineState,
} from './deadlines';

const received = new Date('2026-03-01T10:00:00+08:00');
const base = (over: Partial<DeadlineState> = {}): DeadlineState => ({
  status: 'received',
  ackDueAt: ackDue(received),
  acknowledgedAt: null,
  responseDueAt: null,
  respondedAt: null,
  resolutionDueAt: resolutionDue(received),
  decidedAt: null,
  ...over,
});
const at = (iso: string) => new Date(iso);

describe('complaint deadlines', () => {
  it('fixes acknowledgement at one day, resolution at 15, or 30 when extended', () => {
    expect(ackDue(received).toISOString()).toBe('2026-03-02T02:00:00.000Z');
    expect(resolutionDue(received).toISOString()).toBe('2026-03-16T02:00:00.000Z');
    expect(extendedResolutionDue(received).toISOString()).toBe('2026-03-31T02:00:00.000Z');
    expect(responseDue(at('2026-03-05T09:00:00+08:00')).toISOString()).toBe('2026-03-15T01:00:00.000Z');
  });

  it('is overdue for acknowledgement one millisecond after the day, not at it', () => {
    expect(overdueOf(base(), at('2026-03-02T10:00:00+08:00'))).toEqual([]);
    expect(overdueOf(base(), new Date(ackDue(received).getTime() + 1))).toEqual(['ack']);
    expect(
      overdueOf(
        base({ status: 'acknowledged', acknowledgedAt: at('2026-03-03T10:00:00+08:00') }),
        at('2026-03-04T10:00:00+08:00'),
      ),
    ).toEqual([]);
  });

  it('highlights an agency answer still missing after 10 days, and a resolution after 15', () => {
    const asked = base({
      status: 'awaiting_response',
      acknowledgedAt: received,
      responseDueAt: responseDue(at('2026-03-02T10:00:00+08:00')),
    });
    expect(overdueOf(asked, at('2026-03-12T10:00:00+08:00'))).toEqual([]);
    expect(overdueOf(asked, at('2026-03-12T10:00:01+08:00'))).toEqual(['response']);
    expect(overdueOf(asked, at('2026-03-16T10:00:01+08:00'))).toEqual(['response', 'resolution']);
    expect(
      overdueOf(
        { ...asked, respondedAt: at('2026-03-13T00:00:00+08:00'), status: 'investigating' },
        at('2026-03-14T00:00:00+08:00'),
      ),
    ).toEqual([]);
    expect(
      overdueOf(
        { ...asked, status: 'upheld', decidedAt: at('2026-03-20T00:00:00+08:00') },
        at('2026-04-20T00:00:00+08:00'),
      ),
    ).toEqual([]);
  });

  it('puts the nearest open deadline first, and none once decided', () => {
    expect(nextDeadline(base())).toEqual(ackDue(received));
    const asked = base({ status: 'awaiting_response', responseDueAt: responseDue(received) });
    expect(nextDeadline(asked)).toEqual(responseDue(received));
    expect(nextDeadline(base({ status: 'investigating' }))).toEqual(resolutionDue(received));
    expect(nextDeadline(base({ status: 'dismissed', decidedAt: received }))).toBeNull();
  });
});
