// Types only: `npm run typecheck` (tsc) compiles this file and vitest never runs it. Each
// line marked as an expected error fails the typecheck the day the line below it compiles,
// that is, the day an audit row, a notification or a job could be written on a plain
// database, beside the change it belongs to instead of in its transaction.
import { describe, expectTypeOf, it } from 'vitest';
import type { Db, Tx } from '@/db/client';
import { notify } from '../domain/notifications/notify';
import { jobQueue } from '../jobs/queue';
import { writeAudit, writeAuditAlone, type AuditCaller, type AuditEntry } from './write';

declare const db: Db;
declare const caller: AuditCaller;
const entry: AuditEntry = { action: 'org.setStatus', resourceType: 'organization' };

describe('a transaction is a type of its own', () => {
  it('is a database, but no database is a transaction', () => {
    expectTypeOf<Tx>().toExtend<Db>();
    expectTypeOf<Db>().not.toExtend<Tx>();
  });

  it('is made by drizzle alone: a database given the methods of one does not pass', () => {
    const lookAlike = Object.assign(db, { rollback: (): never => db as never, setTransaction: async () => undefined });
    // @ts-expect-error PgTransaction's protected members come only from its own declaration
    const _tx: Tx = lookAlike;
  });
});

describe('what commits with a change takes its transaction', () => {
  it('writes the audit row', async () => {
    await db.transaction((tx) => writeAudit(tx, caller, entry));
    // @ts-expect-error an audit row on a plain database would not commit or roll back with its change
    await writeAudit(db, caller, entry);
  });

  it('writes the notification', async () => {
    await db.transaction((tx) => notify(tx, { userId: 'u' }, 'package.closed', {}, '/'));
    // @ts-expect-error a notification on a plain database would tell of a change that may roll back
    await notify(db, { userId: 'u' }, 'package.closed', {}, '/');
  });

  it('queues and moves the job', async () => {
    await db.transaction((tx) => jobQueue.enqueue(tx, { kind: 'k' }));
    // @ts-expect-error a job queued on a plain database would run for a change that may roll back
    await jobQueue.enqueue(db, { kind: 'k' });
    // @ts-expect-error likewise a moved deadline
    await jobQueue.reschedule(db, { kind: 'k', key: 'x', runAt: new Date() });
  });

  it('names the one exception, a record of something that changed nothing', async () => {
    await writeAuditAlone(db, caller, { action: 'auth.denied', resourceType: 'procedure' });
  });
});
