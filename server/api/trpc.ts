import { initTRPC, TRPCError } from '@trpc/server';
import { octetInputParser } from '@trpc/server/http';
import { DEFAULT_LOCALE } from '@/lib/enums';
import type { Caller } from '../auth/actor';
import { hasPermission, type Permission } from '../auth/permissions';
import { writeAuditAlone } from '../audit/write';
import { databaseFault, DomainError } from '../errors';
import type { Context } from './context';
import { debtorSessionOf } from '../domain/debtor/verify';
import { describeError, toTRPCError } from './errors';
import { ZStorableInput } from './routers/shared.schema';
import { MAX_BATCH } from './transport.schema';
import { transformer } from '@/lib/transformer';

/** What a procedure declares about itself to the transport checks below. */
export type ProcedureMeta = {
  /** Open to anyone, signed in or not (publicProcedure). */
  anonymous?: boolean;
  /** The request body is the file itself (application/octet-stream). */
  upload?: boolean;
};

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    // superjson on the wire; answers of plain data take a faster, identical path (transformer.ts).
    transformer,
    errorFormatter: ({ shape, error, ctx }) => {
      const { message, domainCode, fieldErrors } = describeError(ctx?.locale ?? DEFAULT_LOCALE, error);
      return { ...shape, message, data: { ...shape.data, stack: undefined, domainCode, fieldErrors } };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Outermost middleware: turns domain errors into transport errors and records every
 * authorization refusal in the audit trail (in its own write, since the refused call
 * changed nothing).
 */
const errorBoundary = t.middleware(async ({ ctx, next, path }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  // A database that is busy or out of reach is not the request's fault: 503, try again.
  const fault = cause instanceof DomainError ? null : databaseFault(cause);
  const error =
    cause instanceof DomainError
      ? toTRPCError(cause)
      : fault
        ? toTRPCError(new DomainError(fault, {}, { cause }))
        : result.error;
  if (error.code === 'UNAUTHORIZED' || error.code === 'FORBIDDEN') {
    const reason = cause instanceof DomainError ? cause.code : error.code;
    // Failed sign-ins are recorded by the sign-in itself.
    if (reason !== 'auth.invalidCredentials') {
      await writeAuditAlone(
        ctx.db,
        { ...ctx.meta, actor: ctx.actor },
        {
          action: 'auth.denied',
          resourceType: 'procedure',
          resourceId: path,
          orgId: ctx.actor?.orgId ?? null,
          after: { reason },
        },
      ).catch(() => undefined);
    }
  }
  if (error !== result.error) throw error;
  return result;
});

/**
 * How a call arrived over HTTP (server-side callers have no transport and skip this):
 * - at most MAX_BATCH calls in one request, and a procedure open to anyone only on its own,
 *   so one anonymous request cannot run dozens of sign-ups;
 * - a change only with a JSON body (the file itself for an upload) and the app client's
 *   header: a form or script on another site can send neither without the browser asking
 *   this server first, which it refuses.
 * Runs before the input is read, so a refused call reads no body and does no work.
 */
const transportGuard = t.middleware(({ ctx, meta, type, next }) => {
  const transport = ctx.transport;
  if (!transport) return next();
  if (transport.calls > MAX_BATCH) throw new DomainError('request.batchTooLarge', { values: { max: MAX_BATCH } });
  if (transport.calls > 1 && meta?.anonymous) throw new DomainError('request.batchNotAllowed');
  if (type === 'mutation') {
    if (transport.contentType !== (meta?.upload ? 'application/octet-stream' : 'application/json'))
      throw new DomainError('request.contentType');
    if (!transport.fromApp) throw new DomainError('request.csrf');
  }
  return next();
});

/** Text PostgreSQL cannot store, anywhere in the input, is refused as input (ZStorableInput). Uploads are bytes, not text. */
const storableInput = t.middleware(async ({ meta, getRawInput, next }) => {
  if (meta?.upload) return next();
  const checked = ZStorableInput.safeParse(await getRawInput());
  if (!checked.success) throw new TRPCError({ code: 'BAD_REQUEST', cause: checked.error });
  return next();
});

/**
 * The input of an upload (meta `upload`): the request body is the file itself, streamed
 * into storage. Over HTTP the body arrives as a stream; a server-side caller may hand over
 * a Blob or bytes.
 */
export const uploadBody: typeof octetInputParser = {
  ...octetInputParser,
  parse: (input: unknown) => {
    if (input instanceof Blob) return input.stream();
    if (input instanceof Uint8Array) return new Blob([new Uint8Array(input)]).stream();
    return octetInputParser.parse(input);
  },
};

const baseProcedure = t.procedure.use(errorBoundary).use(transportGuard).use(storableInput);

/** Open to anyone, signed in or not. Never batched with other calls (see transportGuard). */
export const publicProcedure = baseProcedure.meta({ anonymous: true });

/** Any signed-in user, including those of organizations still applying for admission. */
export const signedInProcedure = baseProcedure.use(({ ctx, next }) => {
  if (!ctx.actor) throw new DomainError(ctx.refusal ?? 'auth.signInRequired');
  const caller: Caller = { actor: ctx.actor, ...ctx.meta };
  return next({ ctx: { ...ctx, actor: ctx.actor, caller } });
});

/** Users of an applying creditor or agency: their own admission application only. */
export const applicantProcedure = signedInProcedure.use(({ ctx, next }) => {
  if (ctx.actor.orgType === 'platform') throw new DomainError('auth.forbidden');
  return next();
});

/**
 * A signed-in user of an admitted organization. Until admission, an organization's users
 * see only their application (issue: applicants see only the application screens).
 */
export const authedProcedure = signedInProcedure.use(({ ctx, next }) => {
  if (ctx.actor.orgStatus === 'applicant') throw new DomainError('auth.notAdmitted');
  return next();
});

const portalProcedure = (orgType: 'creditor' | 'agency' | 'platform') =>
  authedProcedure.use(({ ctx, next }) => {
    if (ctx.actor.orgType !== orgType) throw new DomainError('auth.forbidden');
    return next();
  });

export const creditorProcedure = portalProcedure('creditor');
export const agencyProcedure = portalProcedure('agency');
export const staffProcedure = portalProcedure('platform');

/**
 * A verified debtor (issue 20): the session the debtor cookie names, live and bound to one
 * case, which every procedure below reads from `ctx.debtor`, never from input. Without one,
 * an organization's signed-in user is refused as the wrong kind of caller (FORBIDDEN),
 * anyone else is asked to verify (UNAUTHORIZED).
 */
export const debtorProcedure = baseProcedure.meta({ anonymous: true }).use(async ({ ctx, next }) => {
  const session = await debtorSessionOf(ctx.db, ctx.debtorToken);
  if (!session) throw new DomainError(ctx.actor ? 'auth.forbidden' : 'debtor.sessionRequired');
  return next({ ctx: { ...ctx, debtor: session } });
});

/** Refuses the call unless the actor's role holds the permission (server/auth/permissions.ts). */
export const requirePermission = (permission: Permission) =>
  t.middleware(({ ctx, next }) => {
    if (!ctx.actor) throw new DomainError('auth.signInRequired');
    if (!hasPermission(ctx.actor, permission)) throw new DomainError('auth.forbidden');
    return next();
  });

export { TRPCError };
