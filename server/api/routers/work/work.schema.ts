import { z } from 'zod';
import {
  ACTION_CHANNELS,
  ACTION_OUTCOMES,
  ACTION_TARGETS,
  CASE_CHANGE_FIELDS,
  CASE_CHANGE_SOURCES,
  CASE_STATUSES,
  FINDING_SOURCES,
  EVIDENCE_KINDS,
  INSTALMENT_STATUSES,
  PLAN_STATUSES,
  RESTRUCTURE_KINDS,
  RESTRUCTURE_STATUSES,
  ROLES,
  TEMPLATE_CHANNELS,
  TEMPLATE_STATUSES,
  VISIT_OUTCOMES,
  VISIT_STATUSES,
  HOLD_ORIGINS,
} from '@/lib/enums';
import { MIN_VISIT_STAFF } from '@/lib/visits';
import { percentText, readInto, yuanText } from '../../../domain/shared/form-fields.schema';
import { ZStagePolicy } from '../../../domain/shared/fields.schema';
import { ZContactRequest, ZHold } from './protections.schema';

export const ZCaseIdInput = z.object({ caseId: z.uuid() });

const intent = {
  caseId: z.uuid(),
  channel: z.enum(ACTION_CHANNELS),
  target: z.enum(ACTION_TARGETS),
  // Numbers are appended as they are found (失联修复), so a case may hold more than a file gave it.
  index: z.number().int().min(0).max(99),
  note: z.string().max(2000).optional(),
};
export const ZCanContactInput = z.object(intent);
export const ZLogActionInput = z.object({
  ...intent,
  note: z.string().trim().max(2000),
  outcome: z.enum(ACTION_OUTCOMES),
  promiseAmount: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  promiseDate: z.iso.date().optional(),
  correctsId: z.uuid().optional(),
  templateId: z.uuid().optional(),
});
/**
 * The promise a collector types, the amount in yuan and the day, both needed for a promise to
 * pay; read into the procedure's own fields (an action's or a visit's).
 */
const promiseForm = (fields: {
  promiseAmount: z.ZodOptional<z.ZodNumber>;
  promiseDate: z.ZodOptional<z.iso.ZodISODate>;
}) =>
  z.object({
    promiseAmount: z
      .string()
      .trim()
      .min(1, { error: 'e.action.promiseAmount' })
      .pipe(yuanText(fields.promiseAmount.unwrap())),
    promiseDate: z.string().min(1).pipe(fields.promiseDate.unwrap()),
  });
const ZPromiseForm = promiseForm(ZLogActionInput.shape);

/**
 * The action form's values (the person as `debtor:0` or `contact:2`, the amount in yuan, an
 * empty template for none), read into the fields of ZLogActionInput for the case.
 */
export const ZLogActionForm = z
  .object({
    channel: ZLogActionInput.shape.channel,
    who: z.string().regex(/^(debtor|contact):\d+$/),
    outcome: ZLogActionInput.shape.outcome,
    note: ZLogActionInput.shape.note,
    templateId: z.union([z.literal(''), ZLogActionInput.shape.templateId.unwrap()]),
    promiseAmount: z.string(),
    promiseDate: z.string(),
  })
  .transform((f, ctx) => {
    const [target, index] = f.who.split(':') as [z.infer<typeof ZLogActionInput.shape.target>, string];
    const action = {
      channel: f.channel,
      target,
      index: Number(index),
      outcome: f.outcome,
      note: f.note,
      ...((TEMPLATE_CHANNELS as readonly string[]).includes(f.channel) && f.templateId
        ? { templateId: f.templateId }
        : {}),
    };
    return f.outcome === 'promise_to_pay' ? { ...action, ...readInto(ZPromiseForm, f, ctx) } : action;
  });

export const ZActionsInput = z.object({
  caseId: z.uuid(),
  cursor: z.string().nullish(),
  limit: z.number().int().min(1).max(100).default(30),
});
export const ZRevealInput = z.discriminatedUnion('field', [
  z.object({ caseId: z.uuid(), reason: z.string().trim().min(4).max(200), field: z.literal('idNumber') }),
  z.object({
    caseId: z.uuid(),
    reason: z.string().trim().min(4).max(200),
    field: z.literal('phone'),
    index: z.number().int().min(0).max(99),
  }),
  z.object({
    caseId: z.uuid(),
    reason: z.string().trim().min(4).max(200),
    field: z.literal('contactPhone'),
    contactNo: z.number().int().min(1).max(99),
  }),
]);

/** The reason box of a reveal: the procedure's own rule for the reason. */
export const ZRevealForm = ZRevealInput.options[0].pick({ reason: true });

const ZValues = z.record(z.string(), z.union([z.string(), z.number()]));
export const ZVerdict = z.object({
  allowed: z.boolean(),
  violations: z.array(z.object({ rule: z.string(), nextAllowedAt: z.date().nullable(), values: ZValues.optional() })),
  flags: z.array(z.object({ rule: z.string(), values: ZValues.optional() })),
  nextAllowedAt: z.date().nullable(),
  ruleVersion: z.number().int(),
});
export type TVerdict = z.infer<typeof ZVerdict>;

export const ZAction = z.object({
  id: z.string(),
  channel: z.enum(ACTION_CHANNELS),
  target: z.enum(ACTION_TARGETS),
  contactNo: z.number().int().nullable(),
  phoneMasked: z.string().nullable(),
  outcome: z.enum(ACTION_OUTCOMES),
  promiseAmount: z.number().int().nullable(),
  promiseDate: z.string().nullable(),
  note: z.string(),
  flags: z.array(z.object({ rule: z.string(), values: ZValues.optional() })),
  ruleVersion: z.number().int(),
  correctsId: z.string().nullable(),
  at: z.date(),
  actorName: z.string(),
});
export type TAction = z.infer<typeof ZAction>;
export const ZLogActionResult = z.object({ action: ZAction, flags: ZVerdict.shape.flags });
export const ZActionList = z.object({ items: z.array(ZAction), nextCursor: z.string().nullable() });

const ZPlanSummary = z.object({
  id: z.string(),
  kind: z.enum(RESTRUCTURE_KINDS),
  status: z.enum(PLAN_STATUSES),
  totalAmount: z.number().int(),
  /** Repaid before the plan: outside it. */
  repaidBefore: z.number().int(),
  graceDays: z.number().int(),
  approvedAt: z.date(),
  endedAt: z.date().nullable(),
  brokenOn: z.string().nullable(),
  missedInstalmentNo: z.number().int().nullable(),
});
/** The case's repayment plan (the newest, with its instalments) and the earlier ones it superseded or that broke. */
export const ZCasePlans = z.object({
  plan: ZPlanSummary.extend({
    instalments: z.array(
      z.object({
        no: z.number().int(),
        dueDate: z.string(),
        /** The last day it may still be paid on before the plan breaks. */
        lastDayOfGrace: z.string(),
        amount: z.number().int(),
        paidAmount: z.number().int(),
        paidOn: z.string().nullable(),
        status: z.enum(INSTALMENT_STATUSES),
      }),
    ),
  }).nullable(),
  earlier: z.array(ZPlanSummary),
});
export type TCasePlans = z.infer<typeof ZCasePlans>;

export const ZWorkCase = z.object({
  id: z.string(),
  contractNo: z.string(),
  debtorName: z.string(),
  idNumber: z.string(),
  phones: z.array(
    z.object({
      index: z.number().int(),
      masked: z.string(),
      source: z.enum(CASE_CHANGE_SOURCES).nullable(),
      addedAt: z.string().nullable(),
      retiredAt: z.string().nullable(),
    }),
  ),
  contacts: z.array(
    z.object({
      contactNo: z.number().int(),
      name: z.string(),
      relation: z.string(),
      phone: z.string(),
      source: z.enum(CASE_CHANGE_SOURCES).nullable(),
    }),
  ),
  loanAmount: z.number().int(),
  principalOutstanding: z.number().int(),
  amountOverdue: z.number().int(),
  daysOverdue: z.number().int(),
  bucket: z.number().int(),
  stage: z.enum(['reminder', 'calls', 'contacts', 'escalation']),
  /** The stage policy that applies to the case: the stricter of the rulebook's and the package's. */
  stagePolicy: ZStagePolicy,
  province: z.string().nullable(),
  city: z.string().nullable(),
  product: z.string().nullable(),
  loanDate: z.string().nullable(),
  status: z.enum(CASE_STATUSES),
  timeZone: z.string(),
  packageId: z.string(),
  packageName: z.string(),
  packageChannels: z.array(z.string()),
  maxReductionBp: z.number().int(),
  maxInstalments: z.number().int(),
  commissionEndsOn: z.string(),
  /** Set while the creditor froze the commission (agency under a suspension): the case is read, not worked. */
  commissionFrozenAt: z.date().nullable(),
  address: z.string().nullable(),
  repaidAmount: z.number().int(),
  /** What the case owes in all: under its plan, what was repaid before it and the plan's total; else the overdue amount. */
  amountDue: z.number().int(),
  /** The day its plan broke, while no newer plan is approved. */
  planBrokenOn: z.string().nullable(),
  plans: ZCasePlans,
  holds: z.array(ZHold),
  contactRequests: z.array(ZContactRequest),
});
export type TWorkCase = z.infer<typeof ZWorkCase>;
export const ZRevealResult = z.object({ value: z.string() });

export const ZQueueInput = z.object({
  search: z.string().trim().max(64).optional(),
  cursor: z.string().nullish(),
  limit: z.number().int().min(1).max(100).default(30),
});
export const ZQueue = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      contractNo: z.string(),
      debtorName: z.string(),
      amountOverdue: z.number().int(),
      daysOverdue: z.number().int(),
      bucket: z.number().int(),
      status: z.enum(CASE_STATUSES),
      reason: z.enum(['promiseDueToday', 'new', 'promiseBroken', 'promiseOpen', 'other']),
      nextPromise: z.string().nullable(),
      promiseAmount: z.number().int().nullable(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const ZRestructureTerms = z.object({
  reductionBp: z.number().int().min(1).max(9999).optional(),
  deferTo: z.iso.date().optional(),
  instalments: z.number().int().min(2).max(60).optional(),
  firstDueDate: z.iso.date().optional(),
});
export const ZProposeRestructureInput = z.object({
  caseId: z.uuid(),
  kind: z.enum(RESTRUCTURE_KINDS),
  terms: ZRestructureTerms,
  reason: z.string().trim().min(4).max(1000),
});
const restructureTerms = ZRestructureTerms.shape;
const ZFirstDueDate = z.string().min(1).pipe(restructureTerms.firstDueDate.unwrap());
/** The terms each kind of request needs, as typed (a reduction as a percentage). */
const RESTRUCTURE_FORM_TERMS = {
  reduction: z.object({
    reductionBp: percentText(z.number().min(1, { error: 'v.percent' }).pipe(restructureTerms.reductionBp.unwrap())),
    firstDueDate: ZFirstDueDate,
  }),
  deferral: z.object({ deferTo: z.string().min(1).pipe(restructureTerms.deferTo.unwrap()) }),
  instalments: z.object({
    instalments: z.string().trim().min(1).transform(Number).pipe(restructureTerms.instalments.unwrap()),
    firstDueDate: ZFirstDueDate,
  }),
};
/** The restructuring form: every kind's boxes, of which only the chosen kind's are read into ZProposeRestructureInput. */
export const ZRestructureForm = z
  .object({
    kind: ZProposeRestructureInput.shape.kind,
    reductionBp: z.string(),
    deferTo: z.string(),
    instalments: z.string(),
    firstDueDate: z.string(),
    reason: ZProposeRestructureInput.shape.reason,
  })
  .transform((f, ctx) => ({
    kind: f.kind,
    terms: readInto(RESTRUCTURE_FORM_TERMS[f.kind], f, ctx) as z.output<typeof ZRestructureTerms>,
    reason: f.reason,
  }));
export const ZRestructure = z.object({
  id: z.string(),
  caseId: z.string(),
  kind: z.enum(RESTRUCTURE_KINDS),
  terms: ZRestructureTerms,
  totalAmount: z.number().int(),
  schedule: z.array(z.object({ dueDate: z.string(), amount: z.number().int() })),
  reason: z.string(),
  status: z.enum(RESTRUCTURE_STATUSES),
  isAutoApproved: z.boolean(),
  expiresAt: z.date(),
  decidedAt: z.date().nullable(),
  decisionNote: z.string().nullable(),
  origin: z.enum(HOLD_ORIGINS),
  createdAt: z.date(),
});
export type TRestructure = z.infer<typeof ZRestructure>;
export const ZRestructures = z.array(ZRestructure);

export const ZTemplate = z.object({
  id: z.string(),
  packageId: z.string(),
  packageName: z.string(),
  channel: z.enum(ACTION_CHANNELS),
  title: z.string(),
  body: z.string(),
  status: z.enum(TEMPLATE_STATUSES),
  decidedAt: z.date().nullable(),
  decisionNote: z.string().nullable(),
  createdAt: z.date(),
});
export type TTemplate = z.infer<typeof ZTemplate>;
export const ZTemplates = z.array(ZTemplate);
export const ZSubmitTemplateInput = z.object({
  packageId: z.uuid(),
  channel: z.enum(TEMPLATE_CHANNELS),
  title: z.string().trim().min(2).max(100),
  body: z.string().trim().min(10).max(2000),
});
export const ZAgencyTemplatesInput = z.object({
  packageId: z.uuid().optional(),
  status: z.enum(TEMPLATE_STATUSES).optional(),
});
export const ZWorkedPackages = z.array(z.object({ id: z.string(), name: z.string() }));

// Field visits
export const ZPlanVisitInput = z.object({
  caseId: z.uuid(),
  /** The day and time in the debtor's time zone. */
  date: z.iso.date(),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  staffIds: z.array(z.uuid()).min(MIN_VISIT_STAFF).max(10),
  address: z.string().trim().min(4).max(300),
  purpose: z.string().trim().max(1000),
});
export const ZRecordVisitInput = z.object({
  visitId: z.uuid(),
  outcome: z.enum(VISIT_OUTCOMES),
  note: z.string().trim().max(2000),
  promiseAmount: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  promiseDate: z.iso.date().optional(),
});
/** The plan form: the procedure's fields but the case, which the page adds. */
export const ZPlanVisitForm = ZPlanVisitInput.omit({ caseId: true });
const ZVisitPromiseForm = promiseForm(ZRecordVisitInput.shape);
/** The record form: the promise typed in yuan, read into ZRecordVisitInput's fields. */
export const ZRecordVisitForm = z
  .object({
    outcome: ZRecordVisitInput.shape.outcome,
    note: ZRecordVisitInput.shape.note,
    promiseAmount: z.string(),
    promiseDate: z.string(),
  })
  .transform((f, ctx) => {
    const visit = { outcome: f.outcome, note: f.note };
    return f.outcome === 'promise_to_pay' ? { ...visit, ...readInto(ZVisitPromiseForm, f, ctx) } : visit;
  });
export const ZCancelVisitInput = z.object({ visitId: z.uuid(), reason: z.string().trim().min(2).max(500) });
export const ZCancelVisitForm = ZCancelVisitInput.omit({ visitId: true });
export const ZAttachEvidenceInput = z.object({ visitId: z.uuid(), fileId: z.uuid(), fileName: z.string().max(500) });

export const ZEvidence = z.object({
  id: z.string(),
  fileId: z.string(),
  kind: z.enum(EVIDENCE_KINDS),
  sha256: z.string(),
  size: z.number().int(),
  mime: z.string(),
  fileName: z.string(),
  createdAt: z.date(),
  late: z.boolean(),
});
export type TEvidence = z.infer<typeof ZEvidence>;

export const ZVisit = z.object({
  id: z.string(),
  plannedFor: z.date(),
  plannedByName: z.string(),
  address: z.string(),
  purpose: z.string(),
  status: z.enum(VISIT_STATUSES),
  actionId: z.string().nullable(),
  visitedAt: z.date().nullable(),
  cancelledAt: z.date().nullable(),
  cancelReason: z.string().nullable(),
  staff: z.array(z.object({ id: z.string(), name: z.string() })),
  evidence: z.array(ZEvidence.extend({ uploadedByName: z.string() })),
  flags: z.array(
    z.object({ rule: z.string(), values: z.record(z.string(), z.union([z.string(), z.number()])), at: z.date() }),
  ),
});
export type TVisit = z.infer<typeof ZVisit>;
export const ZVisits = z.array(ZVisit);

export const ZVisitRow = z.object({
  id: z.string(),
  status: z.enum(VISIT_STATUSES),
  plannedFor: z.date(),
  visitedAt: z.date().nullable(),
});
export const ZVisitStaff = z.array(z.object({ id: z.string(), name: z.string(), role: z.enum(ROLES) }));
// Debtor data changes (失联修复): an agency's finding, and the case's change history.
const ZFindingBase = z.object({
  caseId: z.uuid(),
  source: z.enum(FINDING_SOURCES),
  note: z.string().trim().max(500),
  evidenceFileId: z.uuid().nullish(),
});
export const ZRecordFindingInput = z.discriminatedUnion('kind', [
  ZFindingBase.extend({ kind: z.literal('phone'), phone: z.string().trim().min(1).max(30) }),
  ZFindingBase.extend({ kind: z.literal('address'), address: z.string().trim().min(1).max(200) }),
]);
export type TRecordFindingInput = z.infer<typeof ZRecordFindingInput>;
export const ZRecordFindingResult = z.object({ id: z.string(), field: z.enum(CASE_CHANGE_FIELDS) });

const ZChangeValue = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('phone'), masked: z.string(), position: z.number().int() }),
    z.object({
      kind: z.literal('contact'),
      name: z.string(),
      relation: z.string(),
      masked: z.string(),
      position: z.number().int(),
    }),
    z.object({ kind: z.literal('address'), address: z.string().nullable() }),
    z.object({ kind: z.literal('amount'), amount: z.number().int() }),
  ])
  .nullable();
export const ZCaseChange = z.object({
  id: z.string(),
  field: z.enum(CASE_CHANGE_FIELDS),
  source: z.enum(CASE_CHANGE_SOURCES),
  oldValue: ZChangeValue,
  newValue: ZChangeValue,
  note: z.string(),
  actorName: z.string(),
  orgName: z.string(),
  importId: z.string().nullable(),
  evidence: z.object({ fileId: z.string(), mime: z.string(), size: z.number().int(), sha256: z.string() }).nullable(),
  createdAt: z.date(),
});
export type TCaseChange = z.infer<typeof ZCaseChange>;
export const ZCaseChanges = z.array(ZCaseChange);

/** The finding form: what was found and its value in one field, the source and a note. */
export const ZFindingForm = z.object({
  kind: z.enum(['phone', 'address']),
  value: z.string().trim().min(1).max(200),
  source: z.enum(FINDING_SOURCES),
  note: z.string().trim().max(500),
});
export type TFindingForm = z.infer<typeof ZFindingForm>;
