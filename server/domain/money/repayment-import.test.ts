// Reconciliation of the creditor's repayment file against the agencies' reports, row by
// row (DESIGN §3): table-driven, every way a row can match, or not.
import { describe, expect, it } from 'vitest';
import { isHeaderProblem } from '../cases/import-columns';
import { matchRepayment, matchRepaymentHeaders, validateRepaymentRow, type Match } from './repayment-import';

type C = {
  id: string;
  amount: number;
  paidOn: string;
  reference: string;
  status: 'reported' | 'confirmed' | 'disputed' | 'reversed';
};
const r = (id: string, over: Partial<C> = {}): C => ({
  id,
  amount: 10_000,
  paidOn: '2026-11-02',
  reference: '',
  status: 'reported',
  ...over,
});
const row = (over: Partial<{ amount: number; paidOn: string; reference: string }> = {}) => ({
  amount: 10_000,
  paidOn: '2026-11-02',
  reference: '',
  ...over,
});

describe('matchRepayment', () => {
  const cases: [string, ReturnType<typeof row>, C[], string[], Match][] = [
    ['one report of the same amount and day', row(), [r('a')], [], { kind: 'report', id: 'a' }],
    ['a different amount is another payment', row({ amount: 10_001 }), [r('a')], [], { kind: 'direct' }],
    ['a different day is another payment', row({ paidOn: '2026-11-03' }), [r('a')], [], { kind: 'direct' }],
    [
      'two reports it cannot tell apart',
      row(),
      [r('a'), r('b', { reference: 'X' })],
      [],
      { kind: 'ambiguous', count: 2 },
    ],
    [
      'the transaction number picks one of two',
      row({ reference: 'X' }),
      [r('a', { reference: 'Y' }), r('b', { reference: 'X' })],
      [],
      { kind: 'report', id: 'b' },
    ],
    [
      'a transaction number matches a report without one',
      row({ reference: 'X' }),
      [r('a')],
      [],
      { kind: 'report', id: 'a' },
    ],
    [
      'different transaction numbers are different payments',
      row({ reference: 'X' }),
      [r('a', { reference: 'Y' })],
      [],
      { kind: 'direct' },
    ],
    [
      'a number that picks none leaves two without numbers ambiguous',
      row({ reference: 'X' }),
      [r('a'), r('b')],
      [],
      { kind: 'ambiguous', count: 2 },
    ],
    ['a report taken by an earlier row is not matched again', row(), [r('a')], ['a'], { kind: 'direct' }],
    ['of two, one taken: the other', row(), [r('a'), r('b')], ['a'], { kind: 'report', id: 'b' }],
    [
      'a payment confirmed before is already on record',
      row(),
      [r('a', { status: 'confirmed' })],
      [],
      { kind: 'alreadyRecorded', id: 'a' },
    ],
    [
      'a report is preferred to a confirmed twin',
      row(),
      [r('a', { status: 'confirmed' }), r('b')],
      [],
      { kind: 'report', id: 'b' },
    ],
    [
      'a confirmed payment with another number is not this one',
      row({ reference: 'X' }),
      [r('a', { status: 'confirmed', reference: 'Y' })],
      [],
      { kind: 'direct' },
    ],
    ['nothing on the case: a direct payment', row(), [], [], { kind: 'direct' }],
  ];
  it.each(cases)('%s', (_, input, onCase, taken, expected) => {
    expect(matchRepayment(input, onCase, new Set(taken))).toEqual(expected);
  });
});

describe('a repayment file row', () => {
  const map = matchRepaymentHeaders(['合同编号', 'amount', '还款日期', '交易流水号', '还款渠道', '付款人', '备注']);
  if (isHeaderProblem(map)) throw new Error('headers');
  const check = (cells: string[]) => validateRepaymentRow(map, cells, '2026-11-24');

  it('reads yuan to fen, both date forms, channel names and defaults', () => {
    expect(check(['HT1', '1,234.5', '2026/11/3', 'TX1', '支付宝', '', '']).value).toEqual({
      contractNo: 'HT1',
      paymentRef: null,
      refField: null,
      amount: 123_450,
      paidOn: '2026-11-03',
      reference: 'TX1',
      channel: 'alipay',
      payer: '本人',
      note: '',
    });
    expect(check(['HT1', '¥10', '2026-11-24', '', '', '配偶', '代还']).value).toMatchObject({
      channel: 'bank_transfer',
      payer: '配偶',
      note: '代还',
    });
  });

  it('names the column of every problem', () => {
    expect(check(['', '0', '2026-11-25', '', '刷卡', '', '']).errors).toEqual([
      { column: '合同编号', code: 'caseRequired' },
      { column: 'amount', code: 'amountNotPositive' },
      { column: '还款日期', code: 'dateInFuture' },
      { column: '还款渠道', code: 'channel', values: { value: '刷卡' } },
    ]);
    expect(check(['HT1', '-5', '2026-02-30', 'x'.repeat(65), '', '', '']).errors).toEqual([
      { column: 'amount', code: 'amount' },
      { column: '还款日期', code: 'date' },
      { column: '交易流水号', code: 'tooLong', values: { max: 64 } },
    ]);
  });

  it('reads the case’s reference code from its column, else from the remark or the note; a mistyped one is an error', () => {
    const withRef = matchRepaymentHeaders(['合同编号', '还款金额', '还款日期', '备注', '还款识别码', '附言']);
    if (isHeaderProblem(withRef)) throw new Error('headers');
    const read = (cells: string[]) => validateRepaymentRow(withRef, cells, '2026-11-24');
    expect(read(['', '1', '2026-11-01', '', 'kx7m-q4pd', '']).value).toMatchObject({
      contractNo: '',
      paymentRef: 'KX7MQ4PD',
      refField: 'paymentRef',
    });
    expect(read(['', '1', '2026-11-01', '', '', '还款KX7MQ4PD张三']).value).toMatchObject({
      paymentRef: 'KX7MQ4PD',
      refField: 'remark',
      note: '还款KX7MQ4PD张三',
    });
    expect(read(['HT1', '1', '2026-11-01', '代还 KX7M-Q4PD', '', '']).value).toMatchObject({ refField: 'note' });
    expect(read(['HT1', '1', '2026-11-01', '', 'KX7MQ4PE', '']).errors).toEqual([
      { column: '还款识别码', code: 'paymentRef', values: { value: 'KX7MQ4PE' } },
    ]);
    expect(read(['', '1', '2026-11-01', '张三还款', '', '']).errors).toEqual([
      { column: '合同编号', code: 'caseRequired' },
    ]);
  });

  it('asks for the columns it matches on', () => {
    expect(matchRepaymentHeaders(['合同编号', '备注'])).toEqual({
      code: 'missingHeaders',
      missing: ['还款金额 (amount)', '还款日期 (paid_on)'],
    });
  });
});
