// The debtor's choices in the rule engine's terms, and back: "only 18:00–21:00" is quiet
// 21:00–18:00 past midnight; "in writing only" stops calls, texts and visits.
import { describe, expect, it } from 'vitest';
import { choiceOfTerms, termsOfChoice, type ContactChoice } from './contact-requests';

describe('the debtor’s contact choices', () => {
  it('are the terms the rule engine enforces', () => {
    expect(termsOfChoice({ kind: 'oneChannel', channel: 'sms' }).stoppedChannels).toEqual([
      'call',
      'letter',
      'visit',
      'lawyer_letter',
      'email',
    ]);
    expect(termsOfChoice({ kind: 'writing' })).toMatchObject({
      stoppedChannels: ['call', 'sms', 'visit'],
      quietFrom: null,
    });
    expect(termsOfChoice({ kind: 'notAtWork', from: 540, to: 1080 })).toMatchObject({
      quietFrom: 540,
      quietTo: 1080,
      quietWorkdaysOnly: true,
    });
    expect(termsOfChoice({ kind: 'hours', from: 1080, to: 1260 })).toMatchObject({
      stoppedChannels: [],
      quietFrom: 1260,
      quietTo: 1080,
      quietWorkdaysOnly: false,
    });
  });

  it('read back as the choice made; an agency’s other terms as other; nothing asked as none', () => {
    const choices: ContactChoice[] = [
      { kind: 'oneChannel', channel: 'call' },
      { kind: 'oneChannel', channel: 'letter' },
      { kind: 'writing' },
      { kind: 'notAtWork', from: 540, to: 1080 },
      { kind: 'hours', from: 1080, to: 1260 },
    ];
    for (const c of choices) expect(choiceOfTerms(termsOfChoice(c))).toEqual(c);
    expect(choiceOfTerms(termsOfChoice({ kind: 'withdraw' }))).toBeNull();
    expect(
      choiceOfTerms({ stoppedChannels: ['call'], quietFrom: null, quietTo: null, quietWorkdaysOnly: false }),
    ).toEqual({ kind: 'other' });
    expect(choiceOfTerms({ stoppedChannels: [], quietFrom: 540, quietTo: 1080, quietWorkdaysOnly: false })).toEqual({
      kind: 'other',
    });
  });
});
