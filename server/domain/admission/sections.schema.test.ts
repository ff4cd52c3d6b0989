// The application's forms check each field with the section's own schema and hand the
// procedure its draft: amounts typed in yuan or 万元 become fen, rates in percent become basis
// points, blank is "not filled yet", and a mistake is named by the field the form shows.
import { describe, expect, it } from 'vitest';
import { ZBasicsForm, ZComplianceForm, ZSectionDraft, ZTrackRecordForm } from './sections.schema';

const basics = {
  legalRepName: ' 郭靖 ',
  legalRepIdNumber: '',
  registeredCapital: '1000.5',
  foundedOn: '2016-03-01',
  address: '',
  serviceProvinces: ['31'],
  staffCount: '85',
  seatCount: '',
  channels: ['phone'],
};
const reference = {
  client: '华信消费金融',
  periodFrom: '2023-01',
  periodTo: '2024-12',
  caseCount: '12000',
  amount: '36000000.5',
  rate: '18.5',
};
const pathsOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (r.error?.issues ?? []).map((i) => `${i.path.join('.')}:${i.message}`);

describe('admission step forms', () => {
  it('turn the basics as typed into the draft the procedure takes', () => {
    const draft = ZBasicsForm.parse(basics);
    expect(draft).toEqual({
      section: 'basics',
      data: {
        legalRepName: '郭靖',
        legalRepIdNumber: undefined,
        registeredCapitalFen: 1_000_500_000,
        foundedOn: '2016-03-01',
        address: undefined,
        serviceProvinces: ['31'],
        staffCount: 85,
        seatCount: undefined,
        channels: ['phone'],
      },
    });
    expect(ZSectionDraft.safeParse(draft).success).toBe(true);
  });

  it('name a bad amount, count or ID number by the field the form shows', () => {
    const r = ZBasicsForm.safeParse({
      ...basics,
      registeredCapital: '12abc',
      staffCount: '8.5',
      legalRepIdNumber: '110105194912310021',
    });
    expect(pathsOf(r)).toEqual(
      expect.arrayContaining(['registeredCapital:v.amount', 'staffCount:v.count', 'legalRepIdNumber:v.idNumber']),
    );
  });

  it('turn each engagement into fen and basis points, and refuse a rate above 100 % or a reversed period', () => {
    expect(ZTrackRecordForm.parse({ references: [reference] }).data.references).toEqual([
      {
        client: '华信消费金融',
        periodFrom: '2023-01',
        periodTo: '2024-12',
        caseCount: 12000,
        amountFen: 3_600_000_050,
        recoveryRateBp: 1850,
      },
    ]);
    const r = ZTrackRecordForm.safeParse({
      references: [{ ...reference, rate: '120', periodFrom: '2025-01', caseCount: '' }],
    });
    expect(pathsOf(r)).toEqual(expect.arrayContaining(['references.0.rate:v.rate', 'references.0.caseCount:v.count']));
    const reversed = ZTrackRecordForm.safeParse({ references: [{ ...reference, periodFrom: '2025-01' }] });
    expect(pathsOf(reversed)).toEqual(['references.0.periodTo:v.rangeOrder']);
  });

  it('keep a draft without the declaration, and counts left blank unfilled', () => {
    const draft = ZComplianceForm.parse({
      litigationCount: '0',
      litigationNote: '',
      pastSanctions: '',
      complaintCount: '',
      declaresNoAbuse: false,
      signedBy: '',
    });
    expect(draft.data).toMatchObject({ litigationCount: 0, complaintCount: undefined, declaresNoAbuse: false });
    expect(ZSectionDraft.safeParse(draft).success).toBe(true);
  });
});
