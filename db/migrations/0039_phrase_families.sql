-- Custom SQL migration file, put your code below! --
-- hand-written
-- The forbidden-phrase families (NIFA 2018) come into force as the next version of the
-- rulebook, published by the platform: the newest version's other rules as they are, its
-- plain phrase list replaced by the default families (server/domain/rules/phrase-families.ts),
-- which catch every phrase of version 1, plus, per category, any phrase that version lists
-- beyond version 1's, kept as a literal family. Published versions are never rewritten:
-- a version stored as a plain list is read as families (readRuleSet).
INSERT INTO "rule_sets" ("version", "rules")
SELECT l."version" + 1,
  (l."rules" - 'forbiddenPhrases')
    || jsonb_build_object(
      'version', l."version" + 1,
      'phraseFamilies', '[{"id":"workplace","name":"到单位、公司闹事","nameEn":"Threats to make trouble at the workplace","category":"threat","patterns":["(去|到|上|来)你(们)?(的)?(单位|公司|厂|工地|店)~4(闹|找你|堵|砸|贴|讨债|要债|要钱|喊|拉横幅|搞)","(去|到|上|来)你(们)?(的)?(单位|公司)~4找(你)?(领导|老板|同事)","让你(在单位|在公司)?(丢工作|丢饭碗|被开除|混不下去)"],"mustMatch":["不还钱就去你单位闹","明天到你公司堵你","我们会上你单位去找你领导","再不還錢就去你們公司鬧","去 你 单 位 闹","让你丢工作"],"mustNotMatch":["您的单位地址是否有变","请问你单位的电话是多少","我去单位上班了","请你到公司财务处确认还款"]},{"id":"home-family","name":"上门滋扰、牵连家人","nameEn":"Threats against the home or the family","category":"threat","patterns":["上门(砸|闹|堵|泼|贴|喷)","(去|到|上|来)你(的)?(家|老家|家里)~4(闹|砸|堵|泼|贴|喷|喊)","让你(全家|一家)","(让|叫)你(的)?(家人|老婆|孩子|父母|爸妈|老公|家里人)~4(好看|不得安宁|出事|遭殃|倒霉|付出代价|没好日子)","(搞|动|收拾|找人弄)你(的)?(家人|老婆|孩子|父母|爸妈|老公|全家|家里人)","你(的)?(孩子|小孩|儿子|女儿)~4(学校|幼儿园)~6(找|堵|等|闹)"],"mustMatch":["上门砸","让你全家","我们明天上门砸你家","让你全家不得安宁","再不还就去你家闹","小心我们收拾你老婆孩子","你女儿的学校我们也会去堵"],"mustNotMatch":["我们会按约定上门拜访","请转告你的家人尽快联系我们","请让你家人尽快联系我们","您的家人知道这笔借款吗","上门沟通需提前预约"]},{"id":"violence","name":"暴力威胁","nameEn":"Threats of violence","category":"threat","patterns":["(弄|整|搞|打)死你","(杀|捅)(了|死)?你","打断你(的)?(腿|手|胳膊)","找~3人~3(收拾|教训|修理|弄|搞|打)你","你等着瞧","你给我等着","(泼|浇)(你)?~2(油漆|汽油|粪)","(要|让)你(的)?(命|好看)"],"mustMatch":["弄死你","杀了你","打断你的腿","找人收拾你","你等着瞧","信不信我弄屎你","弄.死.你","找几个人收拾你","你給我等著","再不还钱要你好看","弄💀死你"],"mustNotMatch":["我们不会使用任何威胁手段","请您耐心等着我们的回电","这笔费用可以打折","让你久等了","我们可以砍了你的部分利息"]},{"id":"exposure","name":"曝光、爆通讯录","nameEn":"Exposure and blasting the contact list","category":"disclosure","patterns":["爆(你)?(的)?(通讯录|联系人|手机通讯录)","曝光你","(把|将)你~8(曝光|挂网上|挂到网上|发朋友圈|发到网上|公之于众)","通知你(的)?(单位|公司|领导|老板|同事|亲戚|朋友|邻居|全家)","(打|发)(给|遍)你(的)?(通讯录|联系人|亲友|亲戚朋友|所有联系人)","(告诉|通知)(你的)?(所有|全部)?(亲戚|朋友|同事|邻居)~4你(欠|借|不还)"],"mustMatch":["爆通讯录","通知你单位","曝光你","再不还就爆你通讯录","曝光你的欠款","通知你单位领导","把你的照片发到网上曝光","暴光你","打遍你的通讯录"],"mustNotMatch":["我们不会向任何第三方透露您的欠款","请更新你的通讯录信息","通知你还款日期已到","联系人电话请核实"]},{"id":"impersonation","name":"冒充公检法、律师","nameEn":"Impersonating police, courts or lawyers","category":"impersonation","patterns":["我(们)?(就)?是~4(警察|公安|民警|法官|检察官|刑警|经侦)","我(们)?是~2(法院|公安局|派出所|检察院)(的|派来)","公安局通知","(公安局|派出所|公安|警方)~2(通知你|传唤|已立案|立案了)","法院传票","检察院","(立案)?(抓捕|逮捕|拘捕|拘留)你","立案抓捕","冒充律师","(警察|公安|民警)~4(上门|找你|抓你)"],"mustMatch":["我是警察","公安局通知","法院传票","检察院","立案抓捕","冒充律师","公安局通知你明天到案","你已被立案抓捕","我们是法院的","警察马上上门抓你","我们就是经侦的"],"mustNotMatch":["我们会依法向法院起诉","如有异议可向法院提起诉讼","您可以向公安机关报案","本机构是正信律师事务所","我们是受委托的催收机构"]},{"id":"insult","name":"侮辱谩骂","nameEn":"Insults","category":"insult","patterns":["老赖","畜生","不要脸","去死","你(这个|这种|个)?(人渣|废物|贱人|垃圾|狗东西|王八蛋|混蛋|骗子)"],"mustMatch":["老赖","畜生","不要脸","去死","你这个老赖","畜牲","你怎么不去死","你这种人渣","LAOLAI","老癞"],"mustNotMatch":["老来得子","请您按时还款","你这个月的账单已出","垃圾短信请勿回复"]}]'::jsonb || coalesce(extra.families, '[]'::jsonb)
    )
FROM (SELECT "version", "rules" FROM "rule_sets" ORDER BY "version" DESC LIMIT 1) l
LEFT JOIN LATERAL (
  SELECT jsonb_agg(
    jsonb_build_object(
      'id', 'listed-' || g.cat,
      'name', CASE g.cat WHEN 'threat' THEN '威胁用语' WHEN 'insult' THEN '辱骂用语'
        WHEN 'impersonation' THEN '冒充公检法、律师的用语' ELSE '向他人透露债务的用语' END,
      'nameEn', CASE g.cat WHEN 'threat' THEN 'Threatening words' WHEN 'insult' THEN 'Insulting words'
        WHEN 'impersonation' THEN 'Words impersonating police, courts or lawyers' ELSE 'Words disclosing the debt to others' END,
      'category', g.cat,
      'patterns', g.patterns,
      'mustMatch', g.phrases,
      'mustNotMatch', '[]'::jsonb
    ) ORDER BY array_position(ARRAY['threat', 'insult', 'impersonation', 'disclosure'], g.cat)
  ) AS families
  FROM (
    SELECT p->>'category' AS cat,
      jsonb_agg(btrim(regexp_replace(p->>'phrase', '[()|?~]', '', 'g'))) AS patterns,
      jsonb_agg(p->>'phrase') AS phrases
    FROM jsonb_array_elements(l."rules"->'forbiddenPhrases') p
    WHERE p->>'phrase' NOT IN (
      SELECT e->>'phrase' FROM "rule_sets" v1, jsonb_array_elements(v1."rules"->'forbiddenPhrases') e
      WHERE v1."version" = 1
    )
    GROUP BY p->>'category'
  ) g
) extra ON true
WHERE NOT (l."rules" ? 'phraseFamilies');
