// Creates (or brings up to date) the app's database role and its grants, as the owner:
//   DATABASE_OWNER_URL=postgres://owner@host/daylight DB_APP_PASSWORD=… npm run db:roles
// then the web and the worker connect with DATABASE_URL=postgres://daylight_app:…@host/daylight.
import postgres from 'postgres';
import { APP_ROLE, asRole, grantAppRole } from '../db/roles';

const url = process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL;
if (!url) {
  console.error(
    'Set DATABASE_OWNER_URL (or DATABASE_URL) to the owner of the database: the role that runs the migrations.',
  );
  process.exit(1);
}
const role = process.env.DB_APP_ROLE ?? APP_ROLE;
const password = process.env.DB_APP_PASSWORD ?? null;
const sql = postgres(url, { max: 1, onnotice: () => undefined });
try {
  await grantAppRole(sql, { role, password });
} finally {
  await sql.end();
}
// The password is not printed: ***** stands for it.
const shown = asRole(url, role, password ? 'PASSWORD' : null).replace(':PASSWORD@', ':*****@');
console.log(`role ${role} is ready; the app connects with DATABASE_URL=${shown}`);
if (!password)
  console.log(
    'No DB_APP_PASSWORD was given: the role has no password (enough where the server trusts local connections, not elsewhere).',
  );
