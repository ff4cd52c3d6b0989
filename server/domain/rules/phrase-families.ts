import { compilePattern, matchNormalised, normalisePhraseText } from '@/lib/phrase-match';
import type { CompiledPattern, PatternProblem } from '@/lib/phrase-match';
import type { PhraseFamily } from './rulebook';

// Forbidden-phrase families (NIFA 2018: threats, insults, impersonating police, courts or
// lawyers, disclosure to others). A family is one kind of forbidden saying in its many
// wordings: patterns, and examples it must and must not catch, which are checked whenever
// a version is published, so a pattern that misses its own examples or catches lawful
// wording (我们会依法向法院起诉) never goes into force.

type Compiled = { family: PhraseFamily; patterns: CompiledPattern[] };
const compiledCache = new WeakMap<readonly PhraseFamily[], Compiled[]>();

/** The families with their patterns compiled (once per rule set read); an invalid pattern, refused at publishing, is skipped. */
const compiled = (families: readonly PhraseFamily[]): Compiled[] => {
  const hit = compiledCache.get(families);
  if (hit) return hit;
  const out = families.map((family) => ({
    family,
    patterns: family.patterns.flatMap((p) => {
      const c = compilePattern(p);
      return c.ok ? [c.pattern] : [];
    }),
  }));
  compiledCache.set(families, out);
  return out;
};

export type FamilyMatch = { family: PhraseFamily; phrase: string };

/** Each family a text falls into, with the wording that matched (in its normal form). */
export const matchFamilies = (families: readonly PhraseFamily[], text: string): FamilyMatch[] => {
  const normalised = normalisePhraseText(text);
  if (normalised === '') return [];
  const found: FamilyMatch[] = [];
  for (const { family, patterns } of compiled(families))
    for (const p of patterns) {
      const phrase = matchNormalised(p, normalised);
      if (phrase !== null) {
        found.push({ family, phrase });
        break;
      }
    }
  return found;
};

/** Whether one family catches a text. */
export const familyMatches = (family: PhraseFamily, text: string): boolean => matchFamilies([family], text).length > 0;

/** A problem of a family of the draft names its place (index and part); a loosening names the floor's family. */
export type FamilyProblem =
  | {
      code: 'rules.familyInvalid';
      family: PhraseFamily;
      at: FamilyPart;
      reason: 'duplicateId' | 'noPattern' | 'noExample';
    }
  | { code: 'rules.familyPattern'; family: PhraseFamily; at: FamilyPart; pattern: string; reason: PatternProblem }
  | { code: 'rules.familyMissesExample'; family: PhraseFamily; at: FamilyPart; example: string }
  | { code: 'rules.familyCatchesExample'; family: PhraseFamily; at: FamilyPart; example: string }
  | { code: 'rules.familyLoosened'; family: PhraseFamily; example: string };
export type FamilyPart = { index: number; part: 'id' | 'patterns' | 'mustMatch' | 'mustNotMatch' };

/**
 * The first reason a set of families cannot be published: a pattern that does not compile,
 * an example matched otherwise than declared, or a must-match example of the floor's
 * families (version 1) that the new families no longer catch.
 */
export const familyProblem = (
  families: readonly PhraseFamily[],
  floor: readonly PhraseFamily[],
): FamilyProblem | null => {
  const ids = new Set<string>();
  for (const [index, family] of families.entries()) {
    const at = (part: FamilyPart['part']): FamilyPart => ({ index, part });
    if (ids.has(family.id)) return { code: 'rules.familyInvalid', family, at: at('id'), reason: 'duplicateId' };
    ids.add(family.id);
    if (family.patterns.length === 0)
      return { code: 'rules.familyInvalid', family, at: at('patterns'), reason: 'noPattern' };
    if (family.mustMatch.length === 0)
      return { code: 'rules.familyInvalid', family, at: at('mustMatch'), reason: 'noExample' };
    for (const pattern of family.patterns) {
      const c = compilePattern(pattern);
      if (!c.ok) return { code: 'rules.familyPattern', family, at: at('patterns'), pattern, reason: c.problem };
    }
    for (const example of family.mustMatch)
      if (!familyMatches(family, example))
        return { code: 'rules.familyMissesExample', family, at: at('mustMatch'), example };
    for (const example of family.mustNotMatch)
      if (familyMatches(family, example))
        return { code: 'rules.familyCatchesExample', family, at: at('mustNotMatch'), example };
  }
  for (const family of floor)
    for (const example of family.mustMatch)
      if (matchFamilies(families, example).length === 0) return { code: 'rules.familyLoosened', family, example };
  return null;
};

/** The families the platform publishes by default: every phrase of version 1 and the wordings around it. */
export const DEFAULT_PHRASE_FAMILIES: PhraseFamily[] = [
  {
    id: 'workplace',
    name: '到单位、公司闹事',
    nameEn: 'Threats to make trouble at the workplace',
    category: 'threat',
    patterns: [
      '(去|到|上|来)你(们)?(的)?(单位|公司|厂|工地|店)~4(闹|找你|堵|砸|贴|讨债|要债|要钱|喊|拉横幅|搞)',
      '(去|到|上|来)你(们)?(的)?(单位|公司)~4找(你)?(领导|老板|同事)',
      '让你(在单位|在公司)?(丢工作|丢饭碗|被开除|混不下去)',
    ],
    mustMatch: [
      '不还钱就去你单位闹',
      '明天到你公司堵你',
      '我们会上你单位去找你领导',
      '再不還錢就去你們公司鬧',
      '去 你 单 位 闹',
      '让你丢工作',
    ],
    mustNotMatch: ['您的单位地址是否有变', '请问你单位的电话是多少', '我去单位上班了', '请你到公司财务处确认还款'],
  },
  {
    id: 'home-family',
    name: '上门滋扰、牵连家人',
    nameEn: 'Threats against the home or the family',
    category: 'threat',
    patterns: [
      '上门(砸|闹|堵|泼|贴|喷)',
      '(去|到|上|来)你(的)?(家|老家|家里)~4(闹|砸|堵|泼|贴|喷|喊)',
      '让你(全家|一家)',
      '(让|叫)你(的)?(家人|老婆|孩子|父母|爸妈|老公|家里人)~4(好看|不得安宁|出事|遭殃|倒霉|付出代价|没好日子)',
      '(搞|动|收拾|找人弄)你(的)?(家人|老婆|孩子|父母|爸妈|老公|全家|家里人)',
      '你(的)?(孩子|小孩|儿子|女儿)~4(学校|幼儿园)~6(找|堵|等|闹)',
    ],
    mustMatch: [
      '上门砸',
      '让你全家',
      '我们明天上门砸你家',
      '让你全家不得安宁',
      '再不还就去你家闹',
      '小心我们收拾你老婆孩子',
      '你女儿的学校我们也会去堵',
    ],
    mustNotMatch: [
      '我们会按约定上门拜访',
      '请转告你的家人尽快联系我们',
      '请让你家人尽快联系我们',
      '您的家人知道这笔借款吗',
      '上门沟通需提前预约',
    ],
  },
  {
    id: 'violence',
    name: '暴力威胁',
    nameEn: 'Threats of violence',
    category: 'threat',
    patterns: [
      '(弄|整|搞|打)死你',
      '(杀|捅)(了|死)?你',
      '打断你(的)?(腿|手|胳膊)',
      '找~3人~3(收拾|教训|修理|弄|搞|打)你',
      '你等着瞧',
      '你给我等着',
      '(泼|浇)(你)?~2(油漆|汽油|粪)',
      '(要|让)你(的)?(命|好看)',
    ],
    mustMatch: [
      '弄死你',
      '杀了你',
      '打断你的腿',
      '找人收拾你',
      '你等着瞧',
      '信不信我弄屎你',
      '弄.死.你',
      '找几个人收拾你',
      '你給我等著',
      '再不还钱要你好看',
      '弄💀死你',
    ],
    mustNotMatch: [
      '我们不会使用任何威胁手段',
      '请您耐心等着我们的回电',
      '这笔费用可以打折',
      '让你久等了',
      '我们可以砍了你的部分利息',
    ],
  },
  {
    id: 'exposure',
    name: '曝光、爆通讯录',
    nameEn: 'Exposure and blasting the contact list',
    category: 'disclosure',
    patterns: [
      '爆(你)?(的)?(通讯录|联系人|手机通讯录)',
      '曝光你',
      '(把|将)你~8(曝光|挂网上|挂到网上|发朋友圈|发到网上|公之于众)',
      '通知你(的)?(单位|公司|领导|老板|同事|亲戚|朋友|邻居|全家)',
      '(打|发)(给|遍)你(的)?(通讯录|联系人|亲友|亲戚朋友|所有联系人)',
      '(告诉|通知)(你的)?(所有|全部)?(亲戚|朋友|同事|邻居)~4你(欠|借|不还)',
    ],
    mustMatch: [
      '爆通讯录',
      '通知你单位',
      '曝光你',
      '再不还就爆你通讯录',
      '曝光你的欠款',
      '通知你单位领导',
      '把你的照片发到网上曝光',
      '暴光你',
      '打遍你的通讯录',
    ],
    mustNotMatch: [
      '我们不会向任何第三方透露您的欠款',
      '请更新你的通讯录信息',
      '通知你还款日期已到',
      '联系人电话请核实',
    ],
  },
  {
    id: 'impersonation',
    name: '冒充公检法、律师',
    nameEn: 'Impersonating police, courts or lawyers',
    category: 'impersonation',
    patterns: [
      '我(们)?(就)?是~4(警察|公安|民警|法官|检察官|刑警|经侦)',
      '我(们)?是~2(法院|公安局|派出所|检察院)(的|派来)',
      '公安局通知',
      '(公安局|派出所|公安|警方)~2(通知你|传唤|已立案|立案了)',
      '法院传票',
      '检察院',
      '(立案)?(抓捕|逮捕|拘捕|拘留)你',
      '立案抓捕',
      '冒充律师',
      '(警察|公安|民警)~4(上门|找你|抓你)',
    ],
    mustMatch: [
      '我是警察',
      '公安局通知',
      '法院传票',
      '检察院',
      '立案抓捕',
      '冒充律师',
      '公安局通知你明天到案',
      '你已被立案抓捕',
      '我们是法院的',
      '警察马上上门抓你',
      '我们就是经侦的',
    ],
    mustNotMatch: [
      '我们会依法向法院起诉',
      '如有异议可向法院提起诉讼',
      '您可以向公安机关报案',
      '本机构是正信律师事务所',
      '我们是受委托的催收机构',
    ],
  },
  {
    id: 'insult',
    name: '侮辱谩骂',
    nameEn: 'Insults',
    category: 'insult',
    patterns: ['老赖', '畜生', '不要脸', '去死', '你(这个|这种|个)?(人渣|废物|贱人|垃圾|狗东西|王八蛋|混蛋|骗子)'],
    mustMatch: ['老赖', '畜生', '不要脸', '去死', '你这个老赖', '畜牲', '你怎么不去死', '你这种人渣', 'LAOLAI', '老癞'],
    mustNotMatch: ['老来得子', '请您按时还款', '你这个月的账单已出', '垃圾短信请勿回复'],
  },
];
