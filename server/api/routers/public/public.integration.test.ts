// The public lists show what a lender, a debtor or a regulator may know without an
// account: admitted agencies (name, tier, provinces, dates) and banned agencies (name,
// credit code, date, reason category), and nothing else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { creditCodeFor, makeOrg } from '@/db/seed/factories';
import { attachSampleDocument } from '../../../testing/admission';
import { createTestDb } from '../../../testing/db';
import { banAgency } from '../../../testing/sanctions';
import { buildWorld, callerAs, type World } from '../../../testing/world';
import { DEFAULT_PHRASE_FAMILIES } from '../../../domain/rules/phrase-families';
import { RULES_V1 } from '../../../domain/rules/rulebook';

let handle: DbHandle;
let w: World;

beforeAll(async () => {
  handle = await createTestDb();
  w = await buildWorld(handle.db);
  for (let i = 0; i < 3; i += 1) await makeOrg(handle.db, { type: 'agency', name: `公示测试${i}`, creditCode: creditCodeFor(900 + i, '320102') });
});
afterAll(async () => {
  await handle.close();
});

describe('public lists', () => {
  it('lists active agencies by name, every one exactly once across pages, with no private fields', async () => {
    const anonymous = await callerAs(handle.db, null);
    const names: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 10; i += 1) {
      const page: { items: { name: string }[]; nextCursor: string | null } = await anonymous.public.agencies.admitted({ limit: 2, cursor });
      for (const item of page.items) expect(Object.keys(item).sort()).toEqual(['admissionExpiresAt', 'admittedAt', 'name', 'province', 'serviceProvinces', 'tier']);
      names.push(...page.items.map((x) => x.name));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(names).toEqual(expect.arrayContaining([w.orgs.agencyA.name, w.orgs.agencyB.name, '公示测试0', '公示测试1', '公示测试2']));
    expect(names).not.toContain(w.orgs.agencyNew.name);
    expect(names).not.toContain(w.orgs.creditorA.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual(names);
  });

  it('lists a banned agency with its category once staff ban it', async () => {
    await banAgency(w, 'agencyB');
    const banned = await (await callerAs(handle.db, null)).public.agencies.banned({ limit: 10 });
    expect(banned.items).toEqual([{ name: w.orgs.agencyB.name, creditCode: w.orgs.agencyB.creditCode, bannedAt: expect.any(Date), banCategory: 'abuse' }]);
    const admitted = await (await callerAs(handle.db, null)).public.agencies.admitted({ limit: 100 });
    expect(admitted.items.map((x) => x.name)).not.toContain(w.orgs.agencyB.name);
  });

  it('shows the provinces served from the application that admitted the agency', async () => {
    const applicant = await callerAs(handle.db, w.users['agencyNew.admin']);
    await applicant.admission.application.saveSection({
      section: 'basics',
      data: {
        legalRepName: '黄蓉', legalRepIdNumber: '11010519491231002X', registeredCapitalFen: 300_000_000, foundedOn: '2019-01-01',
        address: '杭州市西湖区文三路 1 号', serviceProvinces: ['33', '31'], staffCount: 30, seatCount: 20, channels: ['phone'],
      },
    });
    await applicant.admission.application.saveSection({ section: 'systems', data: { hasCallRecording: true, hasFieldEvidenceCapture: true, mlpsLevel: 3, hasIso27001: true, otherCertifications: '' } });
    await applicant.admission.application.saveSection({
      section: 'trackRecord',
      data: { references: [{ client: '江南银行', periodFrom: '2023-01', periodTo: '2024-01', caseCount: 100, amountFen: 1_000_000, recoveryRateBp: 1500 }] },
    });
    await applicant.admission.application.saveSection({
      section: 'compliance',
      data: { litigationCount: 0, litigationNote: '', pastSanctions: '', complaintCount: 0, declaresNoAbuse: true, signedBy: '黄蓉' },
    });
    await attachSampleDocument(applicant);
    const { id } = await applicant.admission.application.submit();
    const reviewer = await callerAs(handle.db, w.users['platform.reviewer']);
    const view = await reviewer.staff.admission.get({ applicationId: id });
    // 75 points: every criterion at three quarters of its weight, rounded down, topped up on the last.
    const criteria = view.template?.criteria ?? [];
    const scores = criteria.map((c) => ({ key: c.key, score: Math.floor((c.weight * 3) / 4), note: '' }));
    await reviewer.staff.admission.saveScores({ applicationId: id, scores, hasFraudOrAbuse: false });
    await reviewer.staff.admission.decide({ applicationId: id, decision: 'admit', reason: '达标准入' });
    const page = await (await callerAs(handle.db, null)).public.agencies.admitted({ limit: 100 });
    const listed = page.items.find((x) => x.name === w.orgs.agencyNew.name);
    expect(listed).toMatchObject({ serviceProvinces: ['33', '31'] });
    expect(listed?.tier).not.toBeNull();
  });

  it('refuses a forged cursor', async () => {
    await expect((await callerAs(handle.db, null)).public.agencies.banned({ cursor: 'xyz' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('the rulebook in force', () => {
  it('is read by anyone, and is the newest version the platform published', async () => {
    const anyone = await callerAs(handle.db, null);
    const before = await anyone.public.rulebook();
    expect(before.rules).toMatchObject({ windowStartMinutes: 480, windowEndMinutes: 1320 });
    expect(before.publishedAt).toBeInstanceOf(Date);
    const admin = await callerAs(handle.db, w.users['platform.admin']);
    // Each phrase family by its names, category and examples; how it catches wordings stays with the platform.
    expect(before.rules.phraseFamilies.map((f) => f.id)).toEqual(DEFAULT_PHRASE_FAMILIES.map((f) => f.id));
    expect(before.rules.phraseFamilies[0]).toEqual({
      id: 'workplace',
      name: '到单位、公司闹事',
      nameEn: 'Threats to make trouble at the workplace',
      category: 'threat',
      mustMatch: DEFAULT_PHRASE_FAMILIES[0]?.mustMatch,
    });
    const [latest] = await admin.staff.rules.list();
    const { version: _v, ...draft } = latest?.rules ?? RULES_V1;
    const prison = {
      id: 'prison',
      name: '以坐牢相威胁',
      nameEn: 'Threats of prison',
      category: 'threat' as const,
      patterns: ['(让|送)你~2坐牢'],
      mustMatch: ['让你坐牢'],
      mustNotMatch: [],
    };
    const { version } = await admin.staff.rules.publish({
      basedOn: before.rules.version,
      draft: { ...draft, maxAnsweredCallsPerDebtorPerDay: 2, phraseFamilies: [...draft.phraseFamilies, prison] },
    });
    const after = await anyone.public.rulebook();
    expect(after.rules).toMatchObject({ version, maxAnsweredCallsPerDebtorPerDay: 2 });
    expect(after.rules.phraseFamilies).toContainEqual({
      id: 'prison',
      name: '以坐牢相威胁',
      nameEn: 'Threats of prison',
      category: 'threat',
      mustMatch: ['让你坐牢'],
    });
    // A signed-in reader of any portal reads the same.
    expect(await (await callerAs(handle.db, w.users['agencyA.collector'])).public.rulebook()).toEqual(after);
  });
});
