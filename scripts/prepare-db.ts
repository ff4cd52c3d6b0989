// `npm run dev` runs this before Next opens the database: PGlite allows one opener per
// data directory, so migrations and demo data are applied first, in this process, then closed.
import { openConfiguredDb } from '../db/client';
import { DEMO_PASSWORD, seedDemo } from '../db/seed/demo';
import { hashPassword } from '../server/auth/password';
import { blindIndex, encryptPii } from '../server/pii/crypto';

const handle = openConfiguredDb();
await handle.migrate();
const { created } = await seedDemo(handle.db, await hashPassword(DEMO_PASSWORD), (id) => ({ sealed: encryptPii(id), index: blindIndex(id) }));
await handle.close();
console.log(`database ready (${handle.kind}); ${created} demo users added`);
