import { sql, type SQL } from 'drizzle-orm';
import { CALL_PAIRING_AFTER_MS, CALL_PAIRING_BEFORE_MS, PHANTOM_GRACE_MS } from '@/lib/call-records';

// A dialer's record and a collector's logged action are the same contact when they name
// the same case and number, with the same channel, and the action was logged from shortly
// before the call started until a while after it ended (CALL_PAIRING_*). From that one
// pairing:
// - a shadow contact: an outbound record matched to a case with no logged action paired
//   with it, once the pairing window has closed;
// - a phantom action: a logged call or message of an agency whose dialer (or SMS gateway)
//   was already sending records, with no record paired with it once the dialer had its
//   grace to deliver (PHANTOM_GRACE_MS). A correction is not a contact of its own.
// Both are derived where they are read, never stored: a record that arrives late turns a
// phantom back into a paired action, and nothing has to be swept.

const before = sql.raw(`interval '${CALL_PAIRING_BEFORE_MS / 1000} seconds'`);
const after = sql.raw(`interval '${CALL_PAIRING_AFTER_MS / 1000} seconds'`);
const grace = sql.raw(`interval '${PHANTOM_GRACE_MS / 1000} seconds'`);
/** A record started at most this long before its action was logged (the longest call and the note after it). */
const longestCall = sql.raw(`interval '${4 * 3600 + CALL_PAIRING_AFTER_MS / 1000} seconds'`);

/** The alias a query gives call_records (`r`) and case_actions (`a`) in the fragments below. */
export const RECORD = sql.raw('r');
export const ACTION = sql.raw('a');

/** The logged action pairs with record `r` (alias r of call_records). */
export const pairedAction = (r: SQL = RECORD): SQL => sql`exists (
  select 1 from case_actions pa
  where pa.case_id = ${r}.case_id and pa.phone_idx = ${r}.party_idx and pa.channel::text = ${r}.kind::text
    and pa.corrects_id is null
    and pa.at >= ${r}.started_at - ${before}
    and pa.at <= coalesce(${r}.ended_at, ${r}.started_at) + ${after})`;

/** Record `r` is a shadow contact as of `now`: matched, outbound, no action paired, its window closed. */
export const isShadowSql = (now: Date, r: SQL = RECORD): SQL => sql`(
  ${r}.case_id is not null and ${r}.direction = 'outbound'
  and coalesce(${r}.ended_at, ${r}.started_at) + ${after} < ${now.toISOString()}::timestamptz
  and not ${pairedAction(r)})`;

/** Action `a` (alias a of case_actions) is a phantom as of `now`. */
export const isPhantomSql = (now: Date, a: SQL = ACTION): SQL => sql`(
  ${a}.channel in ('call', 'sms') and ${a}.corrects_id is null and ${a}.phone_idx is not null
  and ${a}.at < ${now.toISOString()}::timestamptz - ${grace}
  and exists (
    select 1 from call_records src
    where src.agency_id = ${a}.agency_id and src.kind::text = ${a}.channel::text and src.started_at <= ${a}.at)
  and not exists (
    select 1 from call_records pr
    where pr.case_id = ${a}.case_id and pr.party_idx = ${a}.phone_idx and pr.kind::text = ${a}.channel::text
      and pr.started_at <= ${a}.at + ${before}
      and pr.started_at >= ${a}.at - ${longestCall}
      and coalesce(pr.ended_at, pr.started_at) + ${after} >= ${a}.at))`;
