import { open, type FileHandle } from 'node:fs/promises';
import type { ByteRange } from '@/lib/byte-range';

// A file's bytes, or one range of them, as a web stream for an HTTP answer, read as the
// answer is sent. Node's Readable.toWeb over a file stream raises an uncaught
// ERR_INVALID_STATE ("Controller is already closed") when its reader cancels with reads
// still pending, which is what a browser does to a recording it plays (it asks for a range,
// then drops it to seek) and what any client going away does. Here each read happens in
// `pull`, one at a time, and a cancel closes the file once the read in flight has ended.

const CHUNK = 64 * 1024;

export const fileStream = (
  path: string,
  { range, onClose }: { range?: ByteRange | undefined; onClose?: () => void } = {},
): ReadableStream<Uint8Array> => {
  let handle: Promise<FileHandle> | null = null;
  let position = range?.start ?? 0;
  /** One past the last byte to send. */
  const end = range ? range.end + 1 : Number.POSITIVE_INFINITY;
  let isClosed = false;
  let inFlight: Promise<unknown> = Promise.resolve();
  const close = async () => {
    if (isClosed) return;
    isClosed = true;
    await inFlight.catch(() => undefined);
    const opened = handle ? await handle.catch(() => null) : null;
    await opened?.close().catch(() => undefined);
    onClose?.();
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (isClosed) return;
      const want = Math.min(CHUNK, end - position);
      if (want <= 0) {
        await close();
        controller.close();
        return;
      }
      handle ??= open(path, 'r');
      const read = handle.then((h) => h.read(Buffer.allocUnsafe(want), 0, want, position));
      inFlight = read;
      let result: Awaited<typeof read>;
      try {
        result = await read;
      } catch (e) {
        if (isClosed) return;
        await close();
        controller.error(e);
        return;
      }
      // Cancelled while reading: the reader has gone, nothing more is handed to it.
      if (isClosed) return;
      if (result.bytesRead === 0) {
        await close();
        controller.close();
        return;
      }
      position += result.bytesRead;
      controller.enqueue(new Uint8Array(result.buffer.buffer, result.buffer.byteOffset, result.bytesRead));
    },
    cancel: close,
  });
};
