import type { Db, Tx } from '@/db/client';

// Removing rows in batches, one short transaction a batch, so that a large backlog never
// holds its locks for long.

/** Batches in one run: a backlog larger than this is finished by the next runs. */
export const MAX_BATCHES = 200;

/** Runs `batch` in its own transaction until one removes fewer than `size` rows (or MAX_BATCHES ran); the total removed. */
export const inBatches = async (db: Db, size: number, batch: (tx: Tx) => Promise<number>): Promise<number> => {
  let total = 0;
  for (let i = 0; i < MAX_BATCHES; i += 1) {
    const removed = await db.transaction(batch);
    total += removed;
    if (removed < size) break;
  }
  return total;
};
