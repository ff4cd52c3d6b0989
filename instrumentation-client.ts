import { config } from 'zod/v4/core';

// Runs in the browser before the app: forms check their values with the procedures' zod
// schemas, and zod's compiled fast path (and its probe for it) evaluates code, which the
// pages' Content Security Policy refuses. Checked the plain way, nothing is evaluated and
// no violation is reported. The server keeps the compiled path.
config({ jitless: true });
