// The sanction proposal's form hands the procedure its terms: only the chosen kind's own
// field counts, and points are named under their field when missing or out of range.
import { describe, expect, it } from 'vitest';
import { ZProposeSanctionForm, ZProposeSanctionInput } from './sanctions.schema';

const typed = { kind: 'warning' as const, points: '7', endsOn: '2026-12-31', reason: '录音证实威胁借款人' };
const ids = { complaintId: '00000000-0000-4000-8000-000000000001', auditItemId: null };

describe('sanction proposal form', () => {
  it('drops the fields another kind would use', () => {
    const terms = ZProposeSanctionForm.parse(typed);
    expect(terms).toEqual({ kind: 'warning', points: null, endsOn: null, reason: '录音证实威胁借款人' });
    expect(ZProposeSanctionInput.safeParse({ ...ids, ...terms }).success).toBe(true);
  });

  it('reads the points of a points sanction and the last day of a suspension', () => {
    expect(ZProposeSanctionForm.parse({ ...typed, kind: 'points' }).points).toBe(7);
    expect(ZProposeSanctionForm.parse({ ...typed, kind: 'suspension' }).endsOn).toBe('2026-12-31');
  });

  it.each(['', '0', '2.5', 'abc', '101'])('names points %j under the points field', (points) => {
    const r = ZProposeSanctionForm.safeParse({ ...typed, kind: 'points', points });
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['points', 'v.sanctionPoints']]);
  });
});
