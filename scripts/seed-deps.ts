// What the demo seed needs from the server: password hashing, ID and phone sealing, and file storage.
import { DEMO_PASSWORD, type SeedDeps } from '../db/seed/demo';
import { hashPassword } from '../server/auth/password';
import { sealPhone } from '../server/domain/cases/seal';
import { blindIndex, encryptPii } from '../server/pii/crypto';
import { bytesStream, ingest } from '../server/storage/ingest';
import { getBlobStore } from '../server/storage/store';

export const demoSeedDeps = async (): Promise<SeedDeps> => ({
  passwordHash: await hashPassword(DEMO_PASSWORD),
  sealId: (id) => ({ sealed: encryptPii(id), index: blindIndex(id) }),
  sealPhone,
  storeFile: (bytes) => ingest(bytesStream(bytes), getBlobStore()),
});
