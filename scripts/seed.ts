// Loads the demo organizations and accounts; safe to run again.
import { openConfiguredDb } from '../db/client';
import { DEMO_PASSWORD, seedDemo } from '../db/seed/demo';
import { hashPassword } from '../server/auth/password';
import { blindIndex, encryptPii } from '../server/pii/crypto';

const handle = openConfiguredDb();
const { created } = await seedDemo(handle.db, await hashPassword(DEMO_PASSWORD), (id) => ({ sealed: encryptPii(id), index: blindIndex(id) }));
await handle.close();
console.log(`demo data: ${created} new users (password for every demo account: ${DEMO_PASSWORD})`);
