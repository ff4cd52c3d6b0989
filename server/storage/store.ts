import { access, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { AwsClient } from 'aws4fetch';
import type { ByteRange } from '@/lib/byte-range';
import { fileStream } from './file-stream';

/**
 * Where file bytes live, addressed by their SHA-256 (identical bytes are stored once).
 * Metadata and access rules live in the database (stored_files); a store only keeps bytes.
 */
export type BlobStore = {
  readonly kind: 'local' | 's3';
  /** Moves a finished temporary file into the store under `key`, unless the key is already there. */
  put(key: string, tempPath: string, size: number, mime: string): Promise<void>;
  /** The stored bytes (only those of `range`, when given), or null when the key is missing. */
  get(key: string, range?: ByteRange): Promise<ReadableStream<Uint8Array> | null>;
  /** Whether bytes are stored under `key`. */
  has(key: string): Promise<boolean>;
  /** Removes the bytes under `key` (nothing happens when they are already gone). */
  remove(key: string): Promise<void>;
  /** A directory for uploads in progress (on the same disk as a local store, so a move is a rename). */
  readonly tempDir: string;
};

const SHA256_HEX = /^[0-9a-f]{64}$/;
const checkKey = (key: string) => {
  if (!SHA256_HEX.test(key)) throw new Error(`invalid storage key: ${key}`);
};

const exists = (p: string) =>
  access(p).then(
    () => true,
    () => false,
  );

/** Files under a local directory, fanned out by the first two bytes of the hash. */
export const localStore = (root: string): BlobStore => {
  const pathOf = (key: string) => path.join(root, key.slice(0, 2), key.slice(2, 4), key);
  return {
    kind: 'local',
    tempDir: path.join(root, '.incoming'),
    async put(key, tempPath) {
      checkKey(key);
      const target = pathOf(key);
      if (await exists(target)) {
        await rm(tempPath, { force: true });
        return;
      }
      await mkdir(path.dirname(target), { recursive: true });
      await rename(tempPath, target);
    },
    async get(key, range) {
      checkKey(key);
      const p = pathOf(key);
      if (!(await exists(p))) return null;
      return fileStream(p, { range });
    },
    async has(key) {
      checkKey(key);
      return exists(pathOf(key));
    },
    async remove(key) {
      checkKey(key);
      await rm(pathOf(key), { force: true });
    },
  };
};

export type S3Config = {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  tempDir: string;
};

/**
 * An S3-compatible bucket (AWS S3, MinIO, Aliyun OSS, Tencent COS), path-style URLs,
 * requests signed with AWS Signature V4. The upload is signed with its SHA-256, so the
 * server refuses bytes that changed on the way.
 */
export const s3Store = (config: S3Config): BlobStore => {
  const client = new AwsClient({
    accessKeyId: config.accessKeyId,
    secretAccessKey: config.secretAccessKey,
    region: config.region,
    service: 's3',
    retries: 2,
  });
  const urlOf = (key: string) => `${config.endpoint.replace(/\/+$/, '')}/${config.bucket}/${key}`;
  return {
    kind: 's3',
    tempDir: config.tempDir,
    async put(key, tempPath, size, mime) {
      checkKey(key);
      try {
        const head = await client.fetch(urlOf(key), { method: 'HEAD' });
        if (head.ok) return;
        const body = fileStream(tempPath);
        const request = await client.sign(urlOf(key), {
          method: 'PUT',
          body,
          headers: { 'Content-Type': mime, 'Content-Length': String(size), 'X-Amz-Content-Sha256': key },
        });
        const res = await fetch(request);
        if (!res.ok)
          throw new Error(
            `object store refused the upload: HTTP ${res.status} ${await res.text().catch(() => '')}`.trim(),
          );
      } finally {
        await rm(tempPath, { force: true });
      }
    },
    async get(key, range) {
      checkKey(key);
      const res = await client.fetch(
        urlOf(key),
        range ? { headers: { Range: `bytes=${range.start}-${range.end}` } } : {},
      );
      if (res.status === 404) return null;
      if (!res.ok || !res.body) throw new Error(`object store read failed: HTTP ${res.status}`);
      // A store that ignored the range would hand over the whole object as if it were the part.
      if (range && res.status !== 206) {
        await res.body.cancel();
        throw new Error(`object store ignored the range: HTTP ${res.status}`);
      }
      return res.body as ReadableStream<Uint8Array>;
    },
    async has(key) {
      checkKey(key);
      const res = await client.fetch(urlOf(key), { method: 'HEAD' });
      if (res.status === 404) return false;
      if (!res.ok) throw new Error(`object store check failed: HTTP ${res.status}`);
      return true;
    },
    async remove(key) {
      checkKey(key);
      // S3 answers 204 whether or not the object was there.
      const res = await client.fetch(urlOf(key), { method: 'DELETE' });
      if (!res.ok && res.status !== 404) throw new Error(`object store delete failed: HTTP ${res.status}`);
    },
  };
};

export const DEFAULT_STORAGE_DIR = path.resolve(process.cwd(), '.data/files');

/** The configured store: `STORAGE_DRIVER=s3` with the S3_* variables, else a local directory. */
export const configuredStore = (env: NodeJS.ProcessEnv = process.env): BlobStore => {
  const root = env.STORAGE_DIR ? path.resolve(env.STORAGE_DIR) : DEFAULT_STORAGE_DIR;
  if (env.STORAGE_DRIVER === 's3') {
    const need = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;
    const missing = need.filter((n) => !env[n]);
    if (missing.length) throw new Error(`STORAGE_DRIVER=s3 needs ${missing.join(', ')}`);
    return s3Store({
      endpoint: env.S3_ENDPOINT ?? '',
      bucket: env.S3_BUCKET ?? '',
      region: env.S3_REGION ?? 'us-east-1',
      accessKeyId: env.S3_ACCESS_KEY_ID ?? '',
      secretAccessKey: env.S3_SECRET_ACCESS_KEY ?? '',
      tempDir: path.join(root, '.incoming'),
    });
  }
  return localStore(root);
};

const globalForStore = globalThis as unknown as { __daylightStore?: BlobStore };

export const getBlobStore = (): BlobStore => {
  globalForStore.__daylightStore ??= configuredStore();
  return globalForStore.__daylightStore;
};
