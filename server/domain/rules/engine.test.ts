// The daylight rulebook at its boundaries (DESIGN §4), pinned to version 1: the contact
// window in the debtor's time zone, the daily call caps, third parties only after failed
// attempts on the debtor, refused contacts, the package's channels, the stage policy, and
// the soft flags.
import { describe, expect, it } from 'vitest';
import { checkContact, findForbiddenPhrases, inQuietHours, type ContactCheck, type PastAction } from './engine';
import { DEFAULT_PHRASE_FAMILIES } from './phrase-families';
import { RULES_V1, type ActionChannel, type ActionOutcome } from './rulebook';

const SH = 'Asia/Shanghai';
const at = (local: string, tz = '+08:00') => new Date(`${local}${tz}`);
const base = (over: Partial<ContactCheck> = {}): ContactCheck => ({
  now: at('2026-11-23T10:00:00'),
  timeZone: SH,
  channel: 'call',
  target: 'debtor',
  phoneIdx: 'p1',
  packageChannels: ['phone', 'sms', 'letter', 'visit', 'legal', 'email'],
  daysOverdue: 40,
  history: [],
  debtorPhoneIdxs: ['p1', 'p2'],
  refusedPhoneIdxs: [],
  ...over,
});
const past = (local: string, outcome: ActionOutcome, over: Partial<PastAction> = {}): PastAction => ({
  at: at(local),
  channel: 'call',
  target: 'debtor',
  phoneIdx: 'p1',
  outcome,
  ...over,
});
const rules = (c: ContactCheck) => checkContact(RULES_V1, c).violations.map((v) => v.rule);

describe('contact window 08:00–22:00, debtor’s local time', () => {
  it.each([
    ['07:59:59', ['window'], '2026-11-23T08:00:00'],
    ['08:00:00', [], null],
    ['21:59:59', [], null],
    ['22:00:00', ['window'], '2026-11-24T08:00:00'],
    ['23:30:00', ['window'], '2026-11-24T08:00:00'],
  ])('a call at %s → %j, next at %s', (time, expected, next) => {
    const v = checkContact(RULES_V1, base({ now: at(`2026-11-23T${time}`) }));
    expect(v.violations.map((x) => x.rule)).toEqual(expected);
    expect(v.nextAllowedAt).toEqual(next ? at(next) : null);
  });

  it('uses the case’s own time zone: 09:30 in Beijing is 07:30 in Urumqi (UTC+6)', () => {
    const v = checkContact(RULES_V1, base({ now: at('2026-11-23T09:30:00'), timeZone: 'Asia/Urumqi' }));
    expect(v.violations.map((x) => x.rule)).toEqual(['window']);
    expect(v.nextAllowedAt).toEqual(at('2026-11-23T08:00:00', '+06:00'));
  });

  it('binds calls, SMS and visits, not letters or email', () => {
    const night = at('2026-11-23T23:00:00');
    for (const [channel, blocked] of [
      ['call', true],
      ['sms', true],
      ['visit', true],
      ['letter', false],
      ['lawyer_letter', false],
      ['email', false],
    ] as const) {
      expect(
        rules(base({ now: night, channel: channel as ActionChannel, phoneIdx: null })).includes('window'),
        channel,
      ).toBe(blocked);
    }
  });
});

describe('daily caps', () => {
  it('at most 3 answered calls per debtor per day; yesterday’s do not count', () => {
    const two = [
      past('2026-11-23T09:00:00', 'answered'),
      past('2026-11-23T09:30:00', 'promise_to_pay', { phoneIdx: 'p2' }),
      past('2026-11-22T21:00:00', 'answered'),
    ];
    expect(rules(base({ history: two }))).toEqual([]);
    const three = [past('2026-11-23T09:45:00', 'refused'), ...two];
    const v = checkContact(RULES_V1, base({ history: three }));
    expect(v.violations).toEqual([
      { rule: 'answeredCap', nextAllowedAt: at('2026-11-24T08:00:00'), values: { max: 3 } },
    ]);
    // A contact may still be tried on the same day (the cap is the debtor's).
    expect(rules(base({ history: three, target: 'contact', phoneIdx: 'c1' }))).not.toContain('answeredCap');
  });

  it('at most 6 unanswered calls per number per day; another number is still allowed', () => {
    const six = Array.from({ length: 6 }, (_, i) => past(`2026-11-23T0${8 + (i % 2)}:${10 + i}:00`, 'unanswered'));
    expect(rules(base({ history: six.slice(0, 5) }))).toEqual([]);
    expect(rules(base({ history: six }))).toEqual(['unansweredCap']);
    expect(rules(base({ history: six, phoneIdx: 'p2' }))).toEqual([]);
    expect(rules(base({ history: six, channel: 'sms' }))).toEqual([]);
  });
});

describe('third parties', () => {
  const contact = (history: PastAction[], over: Partial<ContactCheck> = {}) =>
    rules(base({ target: 'contact', phoneIdx: 'c1', history, ...over }));
  it('only after 3 consecutive failed attempts on the debtor', () => {
    const fail = (t: string) => past(`2026-11-23T${t}`, 'unanswered');
    expect(contact([fail('09:02:00'), fail('09:01:00')])).toEqual(['contactTooEarly']);
    expect(contact([fail('09:03:00'), fail('09:02:00'), fail('09:01:00')])).toEqual([]);
    // An answered call breaks the run.
    expect(
      contact([fail('09:03:00'), fail('09:02:00'), past('2026-11-23T09:01:30', 'answered'), fail('09:01:00')]),
    ).toEqual(['contactTooEarly']);
  });

  it('or when every number of the debtor proved invalid', () => {
    const invalid = [
      past('2026-11-23T09:00:00', 'invalid_number'),
      past('2026-11-22T09:00:00', 'answered', { phoneIdx: 'p2' }),
      past('2026-11-21T09:00:00', 'invalid_number', { phoneIdx: 'p2' }),
    ];
    expect(contact(invalid.slice(0, 1))).toEqual(['contactTooEarly']);
    expect(
      contact([past('2026-11-23T09:05:00', 'invalid_number', { phoneIdx: 'p2' }), ...invalid.slice(0, 1)]),
    ).toEqual([]);
  });

  it('never again once a contact refused', () => {
    const ok = [0, 1, 2].map((i) => past(`2026-11-23T09:0${i}:00`, 'unanswered'));
    expect(contact(ok, { refusedPhoneIdxs: ['c1'] })).toEqual(['contactRefused']);
    expect(contact(ok, { refusedPhoneIdxs: ['c2'] })).toEqual([]);
  });
});

describe('the package and the stage', () => {
  it('refuses a channel the package does not allow', () => {
    expect(rules(base({ channel: 'visit', packageChannels: ['phone', 'sms'] }))).toEqual(['channelNotAllowed']);
    expect(rules(base({ channel: 'lawyer_letter', packageChannels: ['phone', 'legal'] }))).toEqual([]);
  });

  it('refuses each channel before its day in the stage policy, with the day it opens; never where it is closed', () => {
    const fails = [0, 1, 2].map((i) => past(`2026-11-23T09:0${i}:00`, 'unanswered'));
    const day = (daysOverdue: number, over: Partial<ContactCheck>) => rules(base({ daysOverdue, ...over }));
    // Reminders from day 1, to a current debtor too (a plan not yet due); calls to the debtor from day 6.
    expect(day(0, { channel: 'sms' })).toEqual([]);
    expect(day(0, { channel: 'call' })).toEqual(['stageTooEarly']);
    expect(day(1, { channel: 'sms' })).toEqual([]);
    expect(day(5, { channel: 'call' })).toEqual(['stageTooEarly']);
    expect(day(6, { channel: 'call' })).toEqual([]);
    // Contacts from day 18 (and after three failed attempts, a rule of its own).
    expect(day(17, { target: 'contact', phoneIdx: 'c1', history: fails })).toEqual(['stageTooEarly']);
    expect(day(18, { target: 'contact', phoneIdx: 'c1', history: fails })).toEqual([]);
    // Field visits, letters and lawyer's letters from day 31.
    for (const channel of ['visit', 'letter', 'lawyer_letter'] as const) {
      expect(day(30, { channel, phoneIdx: null })).toEqual(['stageTooEarly']);
      expect(day(31, { channel, phoneIdx: null })).toEqual([]);
    }
    // Never: email to a third party.
    expect(day(400, { channel: 'email', target: 'contact', phoneIdx: 'c1', history: fails })).toEqual(['stageClosed']);
    // The refusal says when: the window's opening on the day the case reaches the stage.
    const early = checkContact(RULES_V1, base({ channel: 'call', daysOverdue: 3 }));
    const opens = early.violations.find((v) => v.rule === 'stageTooEarly');
    expect(opens?.values).toEqual({ day: 3, from: 6 });
    // Day 3 on 2026-11-23: day 6 is 2026-11-26, from 08:00 in the debtor's zone.
    expect(opens?.nextAllowedAt).toEqual(at('2026-11-26T08:00:00'));
  });

  it('applies the stricter of the rulebook and the package’s own policy', () => {
    const stricter = {
      ...RULES_V1.stagePolicy,
      call: { debtor: 10, contact: null },
    };
    expect(rules(base({ channel: 'call', daysOverdue: 8, packageStagePolicy: stricter }))).toEqual(['stageTooEarly']);
    expect(rules(base({ channel: 'call', daysOverdue: 10, packageStagePolicy: stricter }))).toEqual([]);
    // A package cannot open earlier than the rulebook: the rulebook's day holds.
    const looser = { ...RULES_V1.stagePolicy, call: { debtor: 1, contact: 1 } };
    expect(rules(base({ channel: 'call', daysOverdue: 3, packageStagePolicy: looser }))).toEqual(['stageTooEarly']);
  });

  it('flags forbidden phrases in notes, whatever the spacing or width, naming the family', () => {
    const v = checkContact(RULES_V1, base({ note: '债务人态度差，我说再不还就 爆 通讯录，他骂我们是骗子' }));
    expect(v).toMatchObject({
      allowed: true,
      flags: [
        {
          rule: 'forbiddenPhrase',
          values: {
            phrase: '爆通讯录',
            category: 'disclosure',
            familyId: 'listed-disclosure',
            family: '向他人透露债务的用语',
            familyEn: 'Words disclosing the debt to others',
          },
        },
      ],
    });
    // One flag per family, whatever the number of its phrases in the note.
    expect(findForbiddenPhrases(RULES_V1, '我是警察，你已被立案抓捕').map((p) => [p.category, p.phrase])).toEqual([
      ['impersonation', '我是警察'],
    ]);
    expect(findForbiddenPhrases(RULES_V1, '客户承诺周五还款 2000 元')).toEqual([]);
  });

  it('flags a threat in other words once the families are in force', () => {
    const rules = { ...RULES_V1, version: 2, phraseFamilies: DEFAULT_PHRASE_FAMILIES };
    expect(findForbiddenPhrases(RULES_V1, '不还钱就去你单位闹')).toEqual([]);
    expect(checkContact(rules, base({ note: '不还钱就去你单位闹' })).flags).toEqual([
      {
        rule: 'forbiddenPhrase',
        values: {
          phrase: '去你单位闹',
          category: 'threat',
          familyId: 'workplace',
          family: '到单位、公司闹事',
          familyEn: 'Threats to make trouble at the workplace',
        },
      },
    ]);
    expect(checkContact(rules, base({ note: '您的单位地址是否有变' })).flags).toEqual([]);
  });
});

describe('holds and the debtor’s own requests', () => {
  const due = at('2026-11-30T10:00:00');
  it('refuses every contact on a case on hold, naming the kind and when the answer is due', () => {
    for (const channel of ['call', 'sms', 'letter', 'visit', 'email', 'lawyer_letter'] as const) {
      const v = checkContact(RULES_V1, base({ channel, hold: { kind: 'deceased', answerDueAt: due } }));
      expect(v.allowed).toBe(false);
      expect(v.violations[0]).toEqual({
        rule: 'caseDeceased',
        nextAllowedAt: null,
        values: { due: '2026-11-30 10:00' },
      });
    }
    expect(rules(base({ target: 'contact', hold: { kind: 'dispute', answerDueAt: due } }))[0]).toBe('caseDisputed');
    expect(rules(base({ hold: null }))).toEqual([]);
  });

  it('refuses a stopped channel to the debtor and to the contacts, and only that channel', () => {
    const debtorRequest = {
      stoppedChannels: ['call', 'visit'] as const,
      quietFrom: null,
      quietTo: null,
      quietWorkdaysOnly: false,
    };
    expect(rules(base({ debtorRequest }))).toEqual(['debtorStoppedChannel']);
    expect(rules(base({ channel: 'visit', debtorRequest }))).toEqual(['debtorStoppedChannel']);
    expect(rules(base({ channel: 'sms', debtorRequest }))).toEqual([]);
    const contact = base({
      target: 'contact',
      phoneIdx: 'c1',
      debtorRequest,
      history: [
        past('2026-11-23T09:00:00', 'unanswered'),
        past('2026-11-23T09:10:00', 'unanswered'),
        past('2026-11-23T09:20:00', 'unanswered'),
      ],
    });
    expect(rules(contact)).toEqual(['debtorStoppedChannel']);
  });

  it('keeps quiet hours [from, to) for calls, SMS and visits to the debtor, and opens at their end', () => {
    const debtorRequest = { stoppedChannels: [], quietFrom: 9 * 60, quietTo: 18 * 60, quietWorkdaysOnly: false };
    const inside = checkContact(RULES_V1, base({ now: at('2026-11-23T09:00:00'), debtorRequest }));
    expect(inside.violations).toEqual([
      { rule: 'debtorQuietHours', nextAllowedAt: at('2026-11-23T18:00:00'), values: { from: '09:00', to: '18:00' } },
    ]);
    expect(rules(base({ now: at('2026-11-23T08:59:59'), debtorRequest }))).toEqual([]);
    expect(rules(base({ now: at('2026-11-23T17:59:59'), debtorRequest }))).toEqual(['debtorQuietHours']);
    expect(rules(base({ now: at('2026-11-23T18:00:00'), debtorRequest }))).toEqual([]);
    expect(rules(base({ channel: 'sms', debtorRequest }))).toEqual(['debtorQuietHours']);
    // A letter is not timed, and a contact is not the debtor.
    expect(rules(base({ channel: 'letter', debtorRequest }))).toEqual([]);
    // In the debtor's own zone: 10:00 in Urumqi is 12:00 in Beijing.
    const urumqi = base({
      now: at('2026-11-23T12:00:00'),
      timeZone: 'Asia/Urumqi',
      debtorRequest: { ...debtorRequest, quietFrom: 11 * 60 },
    });
    expect(rules(urumqi)).toEqual([]);
  });

  it('keeps quiet hours past midnight (from > to): contact only inside the window the debtor chose', () => {
    // "Only between 18:00 and 21:00": quiet [21:00, 18:00).
    const debtorRequest = { stoppedChannels: [], quietFrom: 21 * 60, quietTo: 18 * 60, quietWorkdaysOnly: false };
    const morningCall = checkContact(RULES_V1, base({ now: at('2026-11-23T09:00:00'), debtorRequest }));
    expect(morningCall.violations).toEqual([
      { rule: 'debtorQuietHours', nextAllowedAt: at('2026-11-23T18:00:00'), values: { from: '21:00', to: '18:00' } },
    ]);
    expect(rules(base({ now: at('2026-11-23T17:59:59'), debtorRequest }))).toEqual(['debtorQuietHours']);
    expect(rules(base({ now: at('2026-11-23T18:00:00'), debtorRequest }))).toEqual([]);
    expect(rules(base({ now: at('2026-11-23T20:59:59'), debtorRequest }))).toEqual([]);
    // 21:30 is in the evening part: the next chance is tomorrow at 18:00.
    const evening = checkContact(RULES_V1, base({ now: at('2026-11-23T21:30:00'), debtorRequest }));
    expect(evening.violations).toContainEqual(
      expect.objectContaining({ rule: 'debtorQuietHours', nextAllowedAt: at('2026-11-24T18:00:00') }),
    );
    expect(rules(base({ channel: 'letter', debtorRequest }))).toEqual([]);
    expect(inQuietHours(0, 21 * 60, 18 * 60)).toBe(true);
    expect(inQuietHours(9 * 60, 9 * 60, 18 * 60)).toBe(true);
    expect(inQuietHours(18 * 60, 9 * 60, 18 * 60)).toBe(false);
  });

  it('keeps quiet hours asked for working days on working days only', () => {
    const debtorRequest = { stoppedChannels: [], quietFrom: 9 * 60, quietTo: 18 * 60, quietWorkdaysOnly: true };
    expect(rules(base({ debtorRequest, isWorkingDay: true }))).toEqual(['debtorQuietHours']);
    expect(rules(base({ debtorRequest, isWorkingDay: false }))).toEqual([]);
  });
});

describe('property: following the verdicts never breaks a cap', () => {
  // A deterministic generator: the same run every time, many shapes of a day.
  const rng = (seed: number) => () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('seed %i', (seed) => {
    const random = rng(seed);
    const history: PastAction[] = [];
    const outcomes: ActionOutcome[] = [
      'answered',
      'unanswered',
      'unanswered',
      'invalid_number',
      'promise_to_pay',
      'refused',
    ];
    let t = at('2026-11-23T07:00:00').getTime();
    for (let i = 0; i < 300; i += 1) {
      t += Math.floor(random() * 8 * 60_000);
      const target = random() < 0.2 ? 'contact' : 'debtor';
      const phoneIdx = target === 'debtor' ? (random() < 0.5 ? 'p1' : 'p2') : 'c1';
      const check = base({ now: new Date(t), target, phoneIdx, history: [...history].reverse() });
      if (!checkContact(RULES_V1, check).allowed) continue;
      history.push({
        at: new Date(t),
        channel: 'call',
        target,
        phoneIdx,
        outcome: outcomes[Math.floor(random() * outcomes.length)] ?? 'answered',
      });
    }
    const byDay = new Map<string, PastAction[]>();
    for (const a of history) {
      const day = new Intl.DateTimeFormat('en-CA', { timeZone: SH }).format(a.at);
      byDay.set(day, [...(byDay.get(day) ?? []), a]);
      const hour = Number(
        new Intl.DateTimeFormat('en-GB', { timeZone: SH, hour: '2-digit', hourCycle: 'h23' }).format(a.at),
      );
      expect(hour >= 8 && hour < 22).toBe(true);
    }
    for (const day of byDay.values()) {
      expect(
        day.filter((a) => a.target === 'debtor' && a.outcome !== 'unanswered' && a.outcome !== 'invalid_number').length,
      ).toBeLessThanOrEqual(3);
      for (const p of ['p1', 'p2', 'c1'])
        expect(day.filter((a) => a.phoneIdx === p && a.outcome === 'unanswered').length).toBeLessThanOrEqual(6);
    }
  });
});
