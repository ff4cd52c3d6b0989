import { desc, eq } from 'drizzle-orm';
import type { AdmissionDocumentKind } from '@/lib/enums';
import { admissionTemplates, organizations } from '@/db/schema';
import { samplePdf } from '@/db/seed/sample-pdf';
import { submitApplication } from '../domain/admission/applications';
import { decide, saveScores } from '../domain/admission/review';
import { domainCaller, type callerAs, type World } from './world';

/** Creditor template v1 (db/migrations/0004): licence 40, fraudRecord 35, dataQuality 25. */
export const creditorScores = (licence: number, fraudRecord: number, dataQuality: number) => [
  { key: 'licence', score: licence, note: '许可证已在监管系统核实' },
  { key: 'fraudRecord', score: fraudRecord, note: '' },
  { key: 'dataQuality', score: dataQuality, note: '' },
];

/** The applying creditor submits its (complete) application. */
export const submitCreditorNew = async (w: World) => {
  await submitApplication(w.db, await domainCaller(w, 'creditorNew.admin'));
  return w.applications.creditorNew;
};

/** Submitted and fully scored by the reviewer: `total` points over the three criteria. */
export const scoreCreditorNew = async (w: World, scores = creditorScores(30, 25, 20)) => {
  const applicationId = await submitCreditorNew(w);
  await saveScores(w.db, await domainCaller(w, 'platform.reviewer'), { applicationId, scores, hasFraudOrAbuse: false });
  return applicationId;
};

/** A tier-A admission proposed by the reviewer, waiting for a second approval. */
export const proposeTierA = async (w: World) => {
  const applicationId = await scoreCreditorNew(w, creditorScores(38, 33, 20));
  await decide(w.db, await domainCaller(w, 'platform.reviewer'), {
    applicationId,
    decision: 'admit',
    reason: '资质完备，数据来源合法',
  });
  return applicationId;
};

/** Moves an organization's admission expiry to `days` from now (negative: already past). */
export const admissionExpiresIn = async (w: World, org: keyof World['orgs'], days: number) => {
  await w.db
    .update(organizations)
    .set({
      admissionExpiresAt: new Date(Date.now() + days * 86_400_000),
      admittedAt: new Date(Date.now() + (days - 365) * 86_400_000),
    })
    .where(eq(organizations.id, w.orgs[org].id));
};

/** Uploads a small PDF through files.upload and attaches it to the caller's application. */
export const attachSampleDocument = async (
  caller: Awaited<ReturnType<typeof callerAs>>,
  kind: AdmissionDocumentKind = 'business_licence',
  text = 'Business licence',
) => {
  const file = await caller.files.upload(samplePdf([text, new Date().toISOString()]));
  return caller.admission.application.documents.attach({ fileId: file.id, kind, fileName: `${kind}.pdf` });
};

/** The creditor applicant's application, scored low and rejected by the reviewer. */
export const rejectCreditorNew = async (w: World) => {
  const applicationId = await scoreCreditorNew(w, creditorScores(10, 10, 5));
  await decide(w.db, await domainCaller(w, 'platform.reviewer'), {
    applicationId,
    decision: 'reject',
    reason: '牌照信息无法核实',
  });
  return applicationId;
};

/** The active (latest) scoring template of a kind. */
export const activeTemplateId = async (w: World, kind: 'creditor' | 'agency') => {
  const [t] = await w.db
    .select({ id: admissionTemplates.id })
    .from(admissionTemplates)
    .where(eq(admissionTemplates.kind, kind))
    .orderBy(desc(admissionTemplates.version))
    .limit(1);
  return t!.id;
};

/** The legal representative's ID number every complete agency application below names. */
export const LEGAL_REP_ID = '11010519491231002X';

/** A complete agency application, section by section. */
export const AGENCY_SECTIONS = {
  basics: {
    legalRepName: '赵国栋',
    legalRepIdNumber: LEGAL_REP_ID,
    registeredCapitalFen: 1_000_000_000,
    foundedOn: '2015-06-01',
    address: '上海市浦东新区世纪大道 100 号',
    serviceProvinces: ['31', '32'] as ('31' | '32')[],
    staffCount: 120,
    seatCount: 80,
    channels: ['phone', 'sms', 'visit'] as ('phone' | 'sms' | 'visit')[],
  },
  systems: {
    hasCallRecording: true,
    hasFieldEvidenceCapture: true,
    mlpsLevel: 3,
    hasIso27001: false,
    otherCertifications: '',
  },
  trackRecord: {
    references: [
      {
        client: '华信消费金融',
        periodFrom: '2023-01',
        periodTo: '2024-12',
        caseCount: 12000,
        amountFen: 3_600_000_000,
        recoveryRateBp: 1850,
      },
    ],
  },
  compliance: {
    litigationCount: 0,
    litigationNote: '',
    pastSanctions: '',
    complaintCount: 3,
    declaresNoAbuse: true as const,
    signedBy: '赵国栋',
  },
};

/** Fills every section of the caller's agency application and attaches its business licence. */
export const fillAgencyApplication = async (caller: Awaited<ReturnType<typeof callerAs>>) => {
  for (const section of ['basics', 'systems', 'trackRecord', 'compliance'] as const) {
    await caller.admission.application.saveSection({ section, data: AGENCY_SECTIONS[section] } as never);
  }
  return attachSampleDocument(caller);
};
