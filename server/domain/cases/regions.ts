import { PROVINCES, type Province } from '@/lib/enums';

// GB/T 2260 province-level divisions by name. Files write them short (广东), in full
// (广东省, 广西壮族自治区) or as a code (44, or a 6-digit county code starting 44).
const NAMES: Record<Province, string> = {
  '11': '北京',
  '12': '天津',
  '13': '河北',
  '14': '山西',
  '15': '内蒙古',
  '21': '辽宁',
  '22': '吉林',
  '23': '黑龙江',
  '31': '上海',
  '32': '江苏',
  '33': '浙江',
  '34': '安徽',
  '35': '福建',
  '36': '江西',
  '37': '山东',
  '41': '河南',
  '42': '湖北',
  '43': '湖南',
  '44': '广东',
  '45': '广西',
  '46': '海南',
  '50': '重庆',
  '51': '四川',
  '52': '贵州',
  '53': '云南',
  '54': '西藏',
  '61': '陕西',
  '62': '甘肃',
  '63': '青海',
  '64': '宁夏',
  '65': '新疆',
};

const SUFFIXES = ['壮族自治区', '回族自治区', '维吾尔自治区', '自治区', '特别行政区', '省', '市'];

const BY_NAME = new Map<string, Province>(Object.entries(NAMES).map(([code, name]) => [name, code as Province]));

/** The two-digit province code for a name or GB/T 2260 code, or null when it is not one. */
export const provinceCode = (raw: string): Province | null => {
  const v = raw.trim();
  if (/^\d{2}(\d{4})?$/.test(v)) {
    const code = v.slice(0, 2);
    return (PROVINCES as readonly string[]).includes(code) ? (code as Province) : null;
  }
  let name = v;
  for (const s of SUFFIXES) if (name.endsWith(s) && name.length > s.length) name = name.slice(0, -s.length);
  return BY_NAME.get(name) ?? null;
};
