import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileStream } from './file-stream';

let dir = '';
let file = '';
const bytes = randomBytes(1_000_000);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'daylight-file-stream-'));
  file = path.join(dir, 'recording.bin');
  await writeFile(file, bytes);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const readAll = async (stream: ReadableStream<Uint8Array>) => Buffer.from(await new Response(stream).arrayBuffer());

describe('a stored file as a web stream', () => {
  it('sends the whole file, or exactly the bytes of one range, and closes the file after', async () => {
    let closed = 0;
    expect((await readAll(fileStream(file, { onClose: () => (closed += 1) }))).equals(bytes)).toBe(true);
    const range = { start: 70_000, end: 200_000 };
    const part = await readAll(fileStream(file, { range, onClose: () => (closed += 1) }));
    expect(part.equals(bytes.subarray(range.start, range.end + 1))).toBe(true);
    expect((await readAll(fileStream(file, { range: { start: 999_999, end: 999_999 } }))).length).toBe(1);
    expect(closed).toBe(2);
  });

  it('lets a reader cancel with reads pending, many times, without an error escaping, and closes the file', async () => {
    // What a browser does to a recording it plays: it asks for a range, then drops it.
    const uncaught: unknown[] = [];
    const onUncaught = (e: unknown) => uncaught.push(e);
    process.on('uncaughtException', onUncaught);
    try {
      let closed = 0;
      for (let i = 0; i < 100; i++) {
        const reader = fileStream(file, {
          range: { start: 0, end: 900_000 },
          onClose: () => (closed += 1),
        }).getReader();
        void reader.read().catch(() => undefined);
        void reader.read().catch(() => undefined);
        await new Promise((resolve) => setImmediate(resolve));
        await reader.cancel();
        await new Promise((resolve) => setTimeout(resolve, i % 3));
      }
      // The same through a pipe aborted mid-way, as a server's response is when its client goes away.
      for (let i = 0; i < 50; i++) {
        const ac = new AbortController();
        const sink = new WritableStream({ write: () => new Promise((resolve) => setTimeout(resolve, 1)) });
        const piped = fileStream(file, { onClose: () => (closed += 1) })
          .pipeTo(sink, { signal: ac.signal })
          .catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, i % 5));
        ac.abort();
        await piped;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(uncaught).toEqual([]);
      expect(closed).toBe(150);
    } finally {
      process.off('uncaughtException', onUncaught);
    }
  });

  it('fails the stream when the file is not there', async () => {
    await expect(readAll(fileStream(path.join(dir, 'missing.bin')))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
