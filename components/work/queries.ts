/** The collector's work queue (collector-queue.tsx), optionally searched. */
export const collectorQueueInput = (search = '') => ({ limit: 30, ...(search ? { search } : {}) });
