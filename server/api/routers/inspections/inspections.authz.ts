import { currentForm } from '@/server/domain/calls/inspection-forms';
import { inspectCall } from '@/server/domain/calls/inspections';
import type { AuthzTable } from '@/server/testing/authz';
import { insertCall } from '@/server/testing/call-rows';
import { workingCases } from '@/server/testing/work';
import { domainCaller, type World } from '@/server/testing/world';

// Quality inspection: agency admins and supervisors inspect their own agency's calls,
// platform admins and auditors any agency's; collectors, creditors and the other staff roles
// may not. Platform admins alone publish the form. Another agency's call answers NOT_FOUND.
const calls = new WeakMap<World, string>();
const recordOf = (w: World) => calls.get(w) ?? '';

/** A flagged call of agencyA's collector, optionally inspected by agencyA's supervisor. */
const withCall =
  (inspected = false) =>
  async (w: World) => {
    const { caseIds } = await workingCases(w, 1);
    const record = await insertCall(w, { caseId: caseIds[0] ?? '', check: 'violation' });
    calls.set(w, record.id);
    if (inspected) {
      const form = await currentVersion(w);
      await inspectCall(w.db, await domainCaller(w, 'agencyA.supervisor'), {
        recordId: record.id,
        formVersion: form.version,
        scores: form.criteria.map((c) => ({ key: c.key, passed: true, note: '' })),
        note: '',
      });
    }
  };

const currentVersion = (w: World) => currentForm(w.db);

const record = (w: World) => ({ recordId: recordOf(w) });
const INSPECTORS_ONLY = ['agencyA.collector', 'creditorA.admin', 'platform.reviewer', 'platform.complaints'] as const;
const OWN_AGENCY =
  'an agency reads its own agency’s calls only; staff every agency’s (inspections.integration.test.ts)';
const FORM_MANAGERS_ONLY = ['platform.auditor', 'platform.reviewer', 'agencyA.admin', 'creditorA.admin'] as const;
const STAFF_ONLY = { none: 'the form is the platform’s own; no organization owns a version' };

export const inspectionsAuthz: AuthzTable = {
  'inspections.queue': {
    setup: withCall(),
    input: () => ({}),
    allowed: 'agencyA.supervisor',
    anonymous: 'refused',
    wrongRole: [...INSPECTORS_ONLY],
    wrongTenant: { none: OWN_AGENCY },
  },
  'inspections.filters': {
    input: () => ({}),
    allowed: 'agencyA.supervisor',
    anonymous: 'refused',
    wrongRole: [...INSPECTORS_ONLY],
    wrongTenant: { none: 'an agency is offered its own collectors only; the agencies list is staff’s' },
  },
  'inspections.get': {
    setup: withCall(true),
    input: record,
    allowed: 'agencyA.supervisor',
    anonymous: 'refused',
    wrongRole: [...INSPECTORS_ONLY],
    wrongTenant: { as: 'agencyB.supervisor', input: record },
  },
  'inspections.inspect': {
    setup: withCall(),
    input: async (w) => {
      const form = await currentVersion(w);
      return {
        ...record(w),
        formVersion: form.version,
        scores: form.criteria.map((c) => ({ key: c.key, passed: true, note: '' })),
        note: '',
      };
    },
    allowed: 'agencyA.admin',
    anonymous: 'refused',
    wrongRole: [...INSPECTORS_ONLY],
    wrongTenant: {
      as: 'agencyB.admin',
      input: async (w) => {
        const form = await currentVersion(w);
        return {
          ...record(w),
          formVersion: form.version,
          scores: form.criteria.map((c) => ({ key: c.key, passed: true, note: '' })),
          note: '',
        };
      },
    },
  },
  'inspections.list': {
    setup: withCall(true),
    input: () => ({}),
    allowed: 'agencyA.supervisor',
    anonymous: 'refused',
    wrongRole: [...INSPECTORS_ONLY],
    wrongTenant: { none: OWN_AGENCY },
  },
  'inspections.summary': {
    setup: withCall(true),
    input: () => ({ month: new Date().toISOString().slice(0, 7) }),
    allowed: 'agencyA.admin',
    anonymous: 'refused',
    wrongRole: [...INSPECTORS_ONLY],
    wrongTenant: { none: 'an agency’s results are its own collectors’; a named agency is read by staff only' },
  },
  'inspections.forms.list': {
    allowed: 'platform.admin',
    anonymous: 'refused',
    wrongRole: [...FORM_MANAGERS_ONLY],
    wrongTenant: STAFF_ONLY,
  },
  'inspections.forms.get': {
    input: () => ({}),
    allowed: 'platform.admin',
    anonymous: 'refused',
    wrongRole: [...FORM_MANAGERS_ONLY],
    wrongTenant: STAFF_ONLY,
  },
  'inspections.forms.publish': {
    input: async (w) => {
      const form = await currentVersion(w);
      return { basedOnVersion: form.version, criteria: form.criteria };
    },
    allowed: 'platform.admin',
    anonymous: 'refused',
    wrongRole: [...FORM_MANAGERS_ONLY],
    wrongTenant: STAFF_ONLY,
  },
};
