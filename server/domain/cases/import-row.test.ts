// Case import rules (DESIGN §5, §6): headers by Chinese name or alias in any order, every
// missing required header named at once; each cell checked and its column named.
import { describe, expect, it } from 'vitest';
import { idNumberCheckChar } from '@/db/validators/id-number';
import { isHeaderProblem, matchHeaders, type HeaderMap } from './import-columns';
import { normalisePhone, parseDate, validateRow, yuanToFen } from './import-row';
import { provinceCode } from './regions';

const ID = `11010519491231002${idNumberCheckChar('11010519491231002')}`;
const HEADERS = [
  '合同编号',
  '借款人姓名',
  '身份证号',
  '手机号',
  '放款金额',
  '剩余本金',
  '逾期本息合计',
  '逾期天数',
  '放款日期',
  '省份',
  '时区',
  '联系人1姓名',
  '联系人1关系',
  '联系人1电话',
  '备注',
];
const GOOD = [
  'HT-0001',
  '张三',
  ID,
  '13800138000;139 0013 9000',
  '10,000.00',
  '8000',
  '¥2345.6',
  '45',
  '2024/3/5',
  '广东省',
  'Asia/Urumqi',
  '李四',
  '配偶',
  '+8613700137000',
  '=HYPERLINK("x")',
];
const TODAY = '2026-11-23';

const headerMap = (headers = HEADERS) => {
  const m = matchHeaders(headers);
  if (isHeaderProblem(m)) throw new Error(m.code);
  return m;
};
const withCell = (header: string, value: string) => GOOD.map((v, i) => (HEADERS[i] === header ? value : v));

describe('headers', () => {
  it('matches Chinese names and English aliases in any order, and keeps unknown columns', () => {
    const m = headerMap([
      'amount_overdue',
      'Contract No',
      '借款人姓名',
      'ID_NUMBER',
      '手机号',
      'loan_amount',
      '剩余本金',
      'days_overdue',
      '渠道',
    ]);
    expect([...m.fields.values()]).toEqual([
      'amountOverdue',
      'contractNo',
      'debtorName',
      'idNumber',
      'phone',
      'loanAmount',
      'principalOutstanding',
      'daysOverdue',
    ]);
    expect([...m.extra.values()]).toEqual(['渠道']);
  });

  it('names every missing required header at once', () => {
    expect(matchHeaders(['合同编号', '借款人姓名', '手机号', '逾期天数'])).toEqual({
      code: 'missingHeaders',
      missing: [
        '身份证号 (id_number)',
        '放款金额 (loan_amount)',
        '剩余本金 (principal_outstanding)',
        '逾期本息合计 (amount_overdue)',
      ],
    });
  });

  it('refuses a column given twice (Chinese and alias) and a row without headers', () => {
    expect(matchHeaders([...HEADERS, 'contract_no'])).toEqual({ code: 'duplicateHeader', header: 'contract_no' });
    expect(matchHeaders(['', ' '])).toEqual({ code: 'noHeader' });
  });
});

describe('a good row', () => {
  it('becomes a case with fen, days overdue, normalised phones, date, province and extra data', () => {
    const r = validateRow(headerMap(), GOOD, TODAY);
    expect(r.errors).toEqual([]);
    expect(r.value).toMatchObject({
      contractNo: 'HT-0001',
      idNumber: ID,
      phones: ['13800138000', '13900139000'],
      loanAmount: 1_000_000,
      principalOutstanding: 800_000,
      amountOverdue: 234_560,
      daysOverdue: 45,
      loanDate: '2024-03-05',
      province: '44',
      timeZone: 'Asia/Urumqi',
      contacts: [{ name: '李四', relation: '配偶', phone: '13700137000' }],
      // A formula is kept as text; exports neutralise it.
      extra: { 备注: '=HYPERLINK("x")' },
    });
  });
});

describe('bad cells name their column', () => {
  it.each([
    ['合同编号', '', 'required'],
    ['合同编号', 'x'.repeat(65), 'tooLong'],
    ['借款人姓名', '', 'required'],
    ['身份证号', `${ID.slice(0, 17)}${ID.at(-1) === '1' ? '2' : '1'}`, 'idNumber'],
    ['身份证号', '11010519491231', 'idNumber'],
    ['身份证号', '', 'required'],
    ['手机号', '12800138000', 'phone'],
    ['手机号', '1380013800', 'phone'],
    ['手机号', '', 'required'],
    ['手机号', '13800138000;13800138001;13800138002;13800138003;13800138004;13800138005', 'tooManyPhones'],
    ['放款金额', '1000.123', 'amount'],
    ['放款金额', '-5', 'amount'],
    ['放款金额', 'abc', 'amount'],
    ['放款金额', '=1+2', 'amount'],
    ['放款金额', '0', 'amountNotPositive'],
    ['放款金额', '123456789012', 'amount'],
    ['剩余本金', '', 'required'],
    ['逾期本息合计', '0.00', 'amountNotPositive'],
    ['逾期天数', '0', 'days'],
    ['逾期天数', '3.5', 'days'],
    ['逾期天数', '', 'required'],
    ['放款日期', '2024-02-30', 'date'],
    ['放款日期', '05/03/2024', 'date'],
    ['放款日期', '2027-01-01', 'dateInFuture'],
    ['省份', '火星', 'province'],
    ['时区', 'Mars/Olympus', 'timeZone'],
    ['时区', 'CST', 'timeZone'],
    ['联系人1电话', '', 'contactIncomplete'],
    ['联系人1电话', '110', 'phone'],
  ])('%s = %j → %s', (header, value, code) => {
    const r = validateRow(headerMap(), withCell(header, value), TODAY);
    expect(r.value).toBeNull();
    expect(r.errors).toContainEqual(expect.objectContaining({ column: header, code }));
  });

  it('refuses a phone or ID number in an extra column, where it would be stored unencrypted', () => {
    const m = headerMap([...HEADERS.slice(0, -1), '备用电话']);
    const r = validateRow(m, withCell('备注', '138 0013 8000'), TODAY);
    expect(r.errors).toEqual([{ column: '备用电话', code: 'piiInExtra', values: { column: '备用电话' } }]);
    expect(validateRow(m, withCell('备注', `配偶 ${ID}`), TODAY).errors.map((e) => e.code)).toEqual(['piiInExtra']);
    expect(validateRow(m, withCell('备注', '订单号 2024031500012'), TODAY).errors).toEqual([]);
  });

  it('reports every bad cell of a row, not just the first', () => {
    const r = validateRow(
      headerMap(),
      withCell('手机号', 'x').map((v, i) => (i === 2 ? 'bad' : i === 7 ? '-1' : v)),
      TODAY,
    );
    expect(r.errors.map((e) => e.code)).toEqual(['idNumber', 'phone', 'days']);
  });

  it('names the column as the file wrote it', () => {
    const m: HeaderMap = headerMap(HEADERS.map((h) => (h === '手机号' ? 'PHONE' : h)));
    expect(validateRow(m, withCell('手机号', '123'), TODAY).errors).toEqual([{ column: 'PHONE', code: 'phone' }]);
  });
});

describe('cell parsers', () => {
  it('reads yuan into fen without floating point', () => {
    expect(['0.1', '0.29', '1,234.5', '￥99', '10000000000.99', '1.005', ''].map(yuanToFen)).toEqual([
      10,
      29,
      123450,
      9900,
      1_000_000_000_099,
      null,
      null,
    ]);
  });
  it('reads mainland mobile numbers', () => {
    expect(
      ['138-0013-8000', '+86 13800138000', '8613800138000', '23800138000', '1380013800'].map(normalisePhone),
    ).toEqual(['13800138000', '13800138000', '13800138000', null, null]);
  });
  it('reads dates and Excel date serials', () => {
    expect(
      ['2024-03-05', '2024/3/5', '2024.3.5', '45356', '2023-02-29', '1969-12-31', 'yesterday'].map(parseDate),
    ).toEqual(['2024-03-05', '2024-03-05', '2024-03-05', '2024-03-05', null, null, null]);
  });
  it('reads provinces by short name, full name or code', () => {
    expect(['广东', '广东省', '广西壮族自治区', '北京市', '44', '440305', '99', '火星'].map(provinceCode)).toEqual([
      '44',
      '44',
      '45',
      '11',
      '44',
      '44',
      null,
      null,
    ]);
  });
});

describe('the template offered for download', () => {
  it('has every column of the format and rows that pass', async () => {
    const { readFile } = await import('node:fs/promises');
    const text = (await readFile('public/case-import-template.csv', 'utf8')).replace(/^\uFEFF/, '');
    const [header = [], ...rows] = text
      .trim()
      .split('\r\n')
      .map((l) => l.split(','));
    const m = headerMap(header);
    expect(m.extra.size).toBe(0);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(validateRow(m, r, TODAY).errors).toEqual([]);
  });
});
