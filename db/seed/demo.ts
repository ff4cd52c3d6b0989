import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import type { OrgStatus, OrgType, Role } from '../../lib/enums';
import {
  admissionApplications,
  admissionDocuments,
  admissionTemplates,
  organizations,
  storedFiles,
  users,
  type SealedPhone,
} from '../schema';
import { creditCodeFor } from './factories';
import { samplePdf } from './sample-pdf';

// Demo data: deterministic (fixed codes and emails) and idempotent (conflicts are skipped),
// so `npm run db:seed` can run on every `npm run dev`.

export const DEMO_PASSWORD = 'Daylight-demo-2026';

type DemoUser = { role: Role; name: string; local: string; phone: string };
type DemoOrg = {
  /** Admitted organizations: tier and days since admission (the agency `anhe` let its admission lapse). */
  admitted?: { tier: 'A' | 'B' | 'C'; daysAgo: number };
  /** Applicants with a complete application waiting in the reviewers' queue. */
  submitted?: Record<string, unknown>;
  /** The application an admitted organization was admitted with (its renewal starts from it). */
  admittedWith?: Record<string, unknown>;
  slug: string;
  type: OrgType;
  name: string;
  serial: number;
  region: string;
  province: string;
  city: string;
  status: OrgStatus;
  users: DemoUser[];
};

export const DEMO_ORGS: DemoOrg[] = [
  {
    slug: 'platform',
    type: 'platform',
    name: '阳光处置平台运营有限公司',
    serial: 100001,
    region: '110105',
    province: '北京市',
    city: '朝阳区',
    status: 'active',
    users: [
      { role: 'admin', name: '周明远', local: 'admin', phone: '13801000001' },
      { role: 'reviewer', name: '陈思雨', local: 'reviewer', phone: '13801000002' },
      { role: 'auditor', name: '刘建国', local: 'auditor', phone: '13801000003' },
      { role: 'complaints', name: '黄丽华', local: 'complaints', phone: '13801000004' },
    ],
  },
  {
    admitted: { tier: 'A', daysAgo: 120 },
    slug: 'huaxin',
    type: 'creditor',
    name: '华信消费金融股份有限公司',
    serial: 200001,
    region: '110108',
    province: '北京市',
    city: '海淀区',
    status: 'active',
    users: [
      { role: 'admin', name: '王海涛', local: 'admin', phone: '13911000001' },
      { role: 'manager', name: '李雪梅', local: 'manager', phone: '13911000002' },
      { role: 'viewer', name: '张伟', local: 'viewer', phone: '13911000003' },
    ],
  },
  {
    admitted: { tier: 'B', daysAgo: 40 },
    slug: 'jiangnan',
    type: 'creditor',
    name: '江南银行股份有限公司',
    serial: 200002,
    region: '330106',
    province: '浙江省',
    city: '杭州市',
    status: 'active',
    users: [
      { role: 'admin', name: '沈嘉怡', local: 'admin', phone: '13957100001' },
      { role: 'manager', name: '钱志强', local: 'manager', phone: '13957100002' },
      { role: 'viewer', name: '孙晓燕', local: 'viewer', phone: '13957100003' },
    ],
  },
  {
    submitted: {
      licence: {
        licenceType: 'small_loan',
        licenceNumber: '粤深金小贷〔2019〕18 号',
        regulator: '深圳市地方金融监督管理局',
        declaresNoFraud: true,
        signedBy: '林志玲',
      },
    },
    slug: 'pengcheng',
    type: 'creditor',
    name: '深圳鹏程小额贷款有限公司',
    serial: 200003,
    region: '440305',
    province: '广东省',
    city: '深圳市',
    status: 'applicant',
    users: [{ role: 'admin', name: '林志玲', local: 'admin', phone: '13875500001' }],
  },
  {
    admittedWith: {
      basics: {
        legalRepName: '赵国栋',
        registeredCapitalFen: 1_000_000_000,
        foundedOn: '2009-03-18',
        address: '上海市浦东新区张杨路 500 号',
        serviceProvinces: ['31', '32', '33', '44'],
        staffCount: 260,
        seatCount: 180,
        channels: ['phone', 'sms', 'letter', 'visit', 'legal'],
      },
      systems: {
        hasCallRecording: true,
        hasFieldEvidenceCapture: true,
        mlpsLevel: 3,
        hasIso27001: true,
        otherCertifications: '',
      },
      trackRecord: {
        references: [
          {
            client: '华信消费金融股份有限公司',
            periodFrom: '2021-06',
            periodTo: '2025-05',
            caseCount: 48000,
            amountFen: 9_600_000_000,
            recoveryRateBp: 2150,
          },
        ],
      },
      compliance: {
        litigationCount: 0,
        litigationNote: '',
        pastSanctions: '',
        complaintCount: 3,
        declaresNoAbuse: true,
        signedBy: '赵国栋',
      },
    },
    admitted: { tier: 'A', daysAgo: 200 },
    slug: 'zhengxin',
    type: 'agency',
    name: '上海正信资产管理有限公司',
    serial: 300001,
    region: '310115',
    province: '上海市',
    city: '浦东新区',
    status: 'active',
    users: [
      { role: 'admin', name: '赵国栋', local: 'admin', phone: '13621000001' },
      { role: 'supervisor', name: '吴秀英', local: 'supervisor', phone: '13621000002' },
      { role: 'collector', name: '郑磊', local: 'collector', phone: '13621000003' },
      { role: 'collector', name: '何静', local: 'collector2', phone: '13621000004' },
    ],
  },
  {
    admittedWith: {
      basics: {
        legalRepName: '罗文斌',
        registeredCapitalFen: 300_000_000,
        foundedOn: '2012-09-01',
        address: '成都市锦江区红星路三段 1 号',
        serviceProvinces: ['51', '50', '53'],
        staffCount: 45,
        seatCount: 20,
        channels: ['phone', 'letter', 'legal'],
      },
      systems: {
        hasCallRecording: true,
        hasFieldEvidenceCapture: true,
        mlpsLevel: 2,
        hasIso27001: false,
        otherCertifications: '律师执业许可证',
      },
      trackRecord: {
        references: [
          {
            client: '华信消费金融股份有限公司',
            periodFrom: '2023-02',
            periodTo: '2025-01',
            caseCount: 3200,
            amountFen: 1_280_000_000,
            recoveryRateBp: 1650,
          },
        ],
      },
      compliance: {
        litigationCount: 0,
        litigationNote: '',
        pastSanctions: '',
        complaintCount: 1,
        declaresNoAbuse: true,
        signedBy: '罗文斌',
      },
    },
    admitted: { tier: 'B', daysAgo: 345 },
    slug: 'mingli',
    type: 'agency',
    name: '四川明理律师事务所',
    serial: 300002,
    region: '510107',
    province: '四川省',
    city: '成都市',
    status: 'active',
    users: [
      { role: 'admin', name: '罗文斌', local: 'admin', phone: '13908000001' },
      { role: 'supervisor', name: '唐敏', local: 'supervisor', phone: '13908000002' },
      { role: 'collector', name: '杨帆', local: 'collector', phone: '13908000003' },
    ],
  },
  {
    admitted: { tier: 'C', daysAgo: 380 },
    slug: 'anhe',
    type: 'agency',
    name: '武汉安和信息咨询有限公司',
    serial: 300003,
    region: '420106',
    province: '湖北省',
    city: '武汉市',
    status: 'expired',
    users: [{ role: 'admin', name: '胡建华', local: 'admin', phone: '13707100001' }],
  },
  {
    submitted: {
      basics: {
        legalRepName: '朱丹',
        registeredCapitalFen: 500_000_000,
        foundedOn: '2018-04-12',
        address: '南京市玄武区中山路 18 号',
        serviceProvinces: ['32', '34', '31'],
        staffCount: 64,
        seatCount: 40,
        channels: ['phone', 'sms', 'letter'],
      },
      systems: {
        hasCallRecording: true,
        hasFieldEvidenceCapture: false,
        mlpsLevel: 2,
        hasIso27001: false,
        otherCertifications: '',
      },
      trackRecord: {
        references: [
          {
            client: '江南银行股份有限公司',
            periodFrom: '2022-03',
            periodTo: '2024-06',
            caseCount: 8600,
            amountFen: 2_150_000_000,
            recoveryRateBp: 1420,
          },
          {
            client: '苏宁消费金融',
            periodFrom: '2021-01',
            periodTo: '2022-12',
            caseCount: 5200,
            amountFen: 980_000_000,
            recoveryRateBp: 1180,
          },
        ],
      },
      compliance: {
        litigationCount: 1,
        litigationNote: '一起劳动争议，已调解结案',
        pastSanctions: '',
        complaintCount: 4,
        declaresNoAbuse: true,
        signedBy: '朱丹',
      },
    },
    slug: 'xinhe',
    type: 'agency',
    name: '南京新禾商务服务有限公司',
    serial: 300004,
    region: '320102',
    province: '江苏省',
    city: '南京市',
    status: 'applicant',
    users: [{ role: 'admin', name: '朱丹', local: 'admin', phone: '13505100001' }],
  },
  {
    admitted: { tier: 'C', daysAgo: 150 },
    slug: 'suda',
    type: 'agency',
    name: '广州速达商务咨询有限公司',
    serial: 300005,
    region: '440106',
    province: '广东省',
    city: '广州市',
    status: 'suspended',
    users: [{ role: 'admin', name: '马超', local: 'admin', phone: '13802000001' }],
  },
  {
    slug: 'hengyuan',
    type: 'agency',
    name: '济南恒远资产管理有限公司',
    serial: 300006,
    region: '370102',
    province: '山东省',
    city: '济南市',
    status: 'banned',
    users: [{ role: 'admin', name: '高峰', local: 'admin', phone: '13953100001' }],
  },
];

export const demoEmail = (org: Pick<DemoOrg, 'slug'>, user: Pick<DemoUser, 'local'>) =>
  `${user.local}@${org.slug}.demo.cn`;

/** The sign-in page's list of demo accounts (development only). */
export const demoAccounts = () =>
  DEMO_ORGS.flatMap((o) =>
    o.users.map((u) => ({
      email: demoEmail(o, u),
      name: u.name,
      role: u.role,
      orgType: o.type,
      orgName: o.name,
      orgStatus: o.status,
    })),
  );

/** The demo legal representatives' ID numbers (valid check characters, fictional people). */
const DEMO_LEGAL_REP_IDS: Record<string, string> = { xinhe: '320102198506120026', mingli: '510104197803150014' };

const DAY_MS = 86_400_000;

export type SeedDeps = {
  passwordHash: string;
  /** Seals an ID number (AES-GCM) and computes its blind index. */
  sealId: (id: string) => { sealed: string; index: string };
  /** Seals a mobile number the way users' numbers are kept (ciphertext, blind index, mask). */
  sealPhone: (phone: string) => SealedPhone;
  /** Puts bytes into file storage; returns the hash, size and recognised type. */
  storeFile: (bytes: Uint8Array) => Promise<{ sha256: string; size: number; mime: string }>;
};

/** Inserts what is missing; never changes rows a person may have edited since. */
export const seedDemo = async (db: DbOrTx, { passwordHash, sealId, sealPhone, storeFile }: SeedDeps) => {
  let created = 0;
  const now = Date.now();
  await db.transaction(async (tx) => {
    for (const o of DEMO_ORGS) {
      const creditCode = creditCodeFor(o.serial, o.region);
      const admittedAt = o.admitted ? new Date(now - o.admitted.daysAgo * DAY_MS) : null;
      const inserted = await tx
        .insert(organizations)
        .values({
          type: o.type,
          name: o.name,
          creditCode,
          status: o.status,
          province: o.province,
          city: o.city,
          tier: o.admitted?.tier ?? null,
          admittedAt,
          admissionExpiresAt: admittedAt ? new Date(admittedAt.getTime() + 365 * DAY_MS) : null,
          bannedAt: o.status === 'banned' ? new Date(now - 30 * DAY_MS) : null,
          banCategory: o.status === 'banned' ? 'abuse' : null,
        })
        .onConflictDoNothing({ target: organizations.creditCode })
        .returning({ id: organizations.id });
      const [org] = await tx
        .select({ id: organizations.id })
        .from(organizations)
        .where(eq(organizations.creditCode, creditCode));
      if (!org) throw new Error(`demo organization ${o.slug} missing after insert`);
      for (const u of o.users) {
        const rows = await tx
          .insert(users)
          .values({
            orgId: org.id,
            role: u.role,
            name: u.name,
            email: demoEmail(o, u),
            phoneSealed: sealPhone(u.phone),
            passwordHash,
          })
          .onConflictDoNothing({ target: users.email })
          .returning({ id: users.id });
        created += rows.length;
      }
      const sections = o.submitted ?? o.admittedWith;
      if (inserted.length > 0 && sections) {
        const [template] = await tx
          .select({ id: admissionTemplates.id })
          .from(admissionTemplates)
          .where(eq(admissionTemplates.kind, o.type))
          .orderBy(desc(admissionTemplates.version))
          .limit(1);
        const legalRepId = DEMO_LEGAL_REP_IDS[o.slug];
        const sealed = legalRepId ? sealId(legalRepId) : null;
        const submittedAt = new Date((admittedAt?.getTime() ?? now) - 2 * DAY_MS);
        const decided =
          o.admittedWith && admittedAt
            ? {
                status: 'admitted' as const,
                decidedAt: admittedAt,
                tier: o.admitted?.tier ?? null,
                score: 72,
                decisionReason: '材料齐全，评分达标',
              }
            : { status: 'submitted' as const };
        const [app] = await tx
          .insert(admissionApplications)
          .values({
            orgId: org.id,
            kind: o.type,
            sections,
            legalRepIdSealed: sealed?.sealed ?? null,
            legalRepIdIndex: sealed?.index ?? null,
            templateId: template?.id ?? null,
            submittedAt,
            submissionCount: 1,
            ...decided,
          })
          .returning({ id: admissionApplications.id });
        const [admin] = await tx
          .select({ id: users.id })
          .from(users)
          .where(eq(users.email, demoEmail(o, { local: 'admin' })));
        if (app && admin) {
          const kind = o.type === 'creditor' ? 'financial_licence' : 'business_licence';
          const stored = await storeFile(
            samplePdf([
              o.type === 'creditor' ? 'Financial licence (demo)' : 'Business licence (demo)',
              `Unified social credit code: ${creditCode}`,
              `Region: ${o.region}`,
            ]),
          );
          const [file] = await tx
            .insert(storedFiles)
            .values({ orgId: org.id, uploadedBy: admin.id, ...stored })
            .returning({ id: storedFiles.id });
          if (file)
            await tx.insert(admissionDocuments).values({
              applicationId: app.id,
              fileId: file.id,
              kind,
              fileName: kind === 'financial_licence' ? '金融许可证.pdf' : '营业执照.pdf',
              addedBy: admin.id,
            });
        }
      }
    }
  });
  return { created };
};
