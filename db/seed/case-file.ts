import { idNumberCheckChar } from '../validators/id-number';

// Case files as a creditor's loan system exports them (DESIGN §6), for the demo, tests and
// benchmarks. Deterministic: row i always has the same debtor.

export const CASE_FILE_HEADERS = [
  '合同编号',
  '借款人姓名',
  '身份证号',
  '手机号',
  '放款金额',
  '剩余本金',
  '逾期本息合计',
  '逾期天数',
  '放款日期',
  '产品类型',
  '省份',
  '城市',
  '地址',
  '联系人1姓名',
  '联系人1关系',
  '联系人1电话',
] as const;

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '秀英',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀兰',
  '霞',
];
const PLACES = [
  ['广东', '深圳市', '440305'],
  ['浙江', '杭州市', '330106'],
  ['四川', '成都市', '510104'],
  ['河南', '郑州市', '410102'],
  ['江苏', '南京市', '320102'],
  ['湖北', '武汉市', '420102'],
  ['山东', '济南市', '370102'],
  ['北京', '北京市', '110105'],
] as const;
const PRODUCTS = ['消费贷', '现金贷', '信用卡分期', '经营贷'];
const RELATIONS = ['配偶', '父亲', '母亲', '同事', '朋友'];

/** A small stable hash, so that files with different prefixes describe different people. */
const saltOf = (prefix: string) =>
  ([...prefix].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 1_000_003, 7) * 7919) % 90_000_000;

/** A valid 18-character resident ID for row i (region, a birth date, sequence, check character). */
export const sampleIdNumber = (i: number, region = '110105', prefix = ''): string => {
  const n = i + saltOf(prefix);
  const year = 1960 + (n % 40);
  const month = String((n % 12) + 1).padStart(2, '0');
  const day = String((Math.floor(n / 12) % 28) + 1).padStart(2, '0');
  const first17 = `${region}${year}${month}${day}${String(Math.floor(n / 336) % 1000).padStart(3, '0')}`;
  return `${first17}${idNumberCheckChar(first17)}`;
};

const mobile = (i: number, prefix = '138') => `${prefix}${String(i % 100_000_000).padStart(8, '0')}`;

/** One good row of the case file, in CASE_FILE_HEADERS order. `prefix` keeps contract numbers apart between files. */
export const sampleCaseRow = (i: number, prefix = 'HT'): string[] => {
  const place = PLACES[i % PLACES.length] ?? PLACES[0];
  const days = 1 + ((i * 37) % 400);
  const loan = 5_000 + ((i * 7919) % 195_000);
  const principal = Math.round(loan * 0.6);
  const overdue = Math.round(principal * 0.4 + days * 3);
  return [
    `${prefix}${String(i).padStart(8, '0')}`,
    `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`,
    sampleIdNumber(i, place[2], prefix),
    i % 3 === 0 ? `${mobile(i + saltOf(prefix))};${mobile(i + saltOf(prefix), '139')}` : mobile(i + saltOf(prefix)),
    `${loan}.00`,
    `${principal}.00`,
    `${overdue}.50`,
    String(days),
    `${2020 + (i % 5)}-${String((i % 12) + 1).padStart(2, '0')}-15`,
    PRODUCTS[i % PRODUCTS.length] ?? '',
    place[0],
    place[1],
    `${place[1]}某区某路${(i % 200) + 1}号`,
    `${SURNAMES[(i + 3) % SURNAMES.length]}${GIVEN[(i + 5) % GIVEN.length]}`,
    RELATIONS[i % RELATIONS.length] ?? '',
    mobile(i + saltOf(prefix), '137'),
  ];
};

/** Header and `count` good rows. */
export function* sampleCaseRows(count: number, prefix = 'HT', from = 0): Generator<string[]> {
  yield [...CASE_FILE_HEADERS];
  for (let i = from; i < from + count; i += 1) yield sampleCaseRow(i, prefix);
}

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** The rows as CSV text (cells kept exactly as given: a formula stays a formula). */
export const toCsv = (rows: Iterable<readonly string[]>): string => {
  let out = '';
  for (const r of rows) out += `${r.map(csvCell).join(',')}\r\n`;
  return out;
};
