import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

// Each test file has a database of its own, and so a file store of its own: the store is
// content-addressed and an import's file goes once its import ends (unless its database
// still needs the bytes), so files sharing one directory would remove bytes that another
// file's database still waits on. Set before any store is made; removed after the file.
const dir = mkdtempSync(path.join(tmpdir(), 'daylight-test-files-'));
process.env.STORAGE_DIR = dir;
(globalThis as { __daylightStore?: unknown }).__daylightStore = undefined;

afterAll(() => rmSync(dir, { recursive: true, force: true }));
