import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A stand-in for Aliyun's dysmsapi endpoint, for the tests: it checks a SendSms request the
// way the provider does (every common parameter present, the signature recomputed from the
// query it received, written here apart from the adapter's own code) and answers as the
// provider answers. Tests script its answers per request.

export const FAKE_ALIYUN_KEY_ID = 'test-key-id';
export const FAKE_ALIYUN_SECRET = 'test-secret+/=';

/** RFC 3986 encoding, written from the provider's documentation: every byte but A–Z a–z 0–9 - _ . ~ as %XY. */
const rfc3986 = (value: string): string =>
  [...Buffer.from(value, 'utf8')]
    .map((b) => {
      const c = String.fromCharCode(b);
      return /[A-Za-z0-9\-_.~]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');

const REQUIRED = [
  'AccessKeyId',
  'Action',
  'Format',
  'PhoneNumbers',
  'SignName',
  'SignatureMethod',
  'SignatureNonce',
  'SignatureVersion',
  'TemplateCode',
  'TemplateParam',
  'Timestamp',
  'Version',
];

export type FakeAnswer =
  | { kind: 'ok' }
  | { kind: 'code'; code: string; status?: number }
  | { kind: 'status'; status: number; body?: string }
  | { kind: 'hang' };

export type ReceivedSms = { params: Record<string, string>; isSignatureValid: boolean };

export const startFakeAliyun = async () => {
  const received: ReceivedSms[] = [];
  const answers: FakeAnswer[] = [];
  const nonces = new Set<string>();
  const hanging: ServerResponse[] = [];

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const params: Record<string, string> = {};
    for (const [k, v] of url.searchParams) params[k] = v;
    const { Signature: signature, ...signed } = params;
    const canonical = Object.keys(signed)
      .sort()
      .map((k) => `${rfc3986(k)}=${rfc3986(signed[k] ?? '')}`)
      .join('&');
    const stringToSign = `${req.method ?? 'GET'}&${rfc3986('/')}&${rfc3986(canonical)}`;
    const expected = createHmac('sha1', `${FAKE_ALIYUN_SECRET}&`).update(stringToSign, 'utf8').digest('base64');
    const isSignatureValid = signature === expected;
    received.push({ params, isSignatureValid });

    const json = (status: number, body: Record<string, string>) => {
      res.writeHead(status, { 'content-type': 'application/json;charset=utf-8' });
      res.end(JSON.stringify({ RequestId: `req-${received.length}`, ...body }));
    };
    const missing = REQUIRED.filter((k) => !params[k]);
    if (missing.length > 0) return json(400, { Code: 'MissingParameter', Message: missing.join(',') });
    if (params.AccessKeyId !== FAKE_ALIYUN_KEY_ID)
      return json(404, { Code: 'InvalidAccessKeyId.NotFound', Message: 'x' });
    if (!isSignatureValid)
      return json(400, { Code: 'SignatureDoesNotMatch', Message: 'Specified signature is not matched' });
    if (
      params.Action !== 'SendSms' ||
      params.Version !== '2017-05-25' ||
      params.Format !== 'JSON' ||
      params.SignatureMethod !== 'HMAC-SHA1' ||
      params.SignatureVersion !== '1.0' ||
      !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(params.Timestamp ?? '')
    )
      return json(400, { Code: 'InvalidParameter', Message: 'x' });
    if (nonces.has(params.SignatureNonce ?? '')) return json(400, { Code: 'SignatureNonceUsed', Message: 'x' });
    nonces.add(params.SignatureNonce ?? '');
    try {
      JSON.parse(params.TemplateParam ?? '');
    } catch {
      return json(200, { Code: 'isv.INVALID_JSON_PARAM', Message: 'x' });
    }

    const answer = answers.shift() ?? { kind: 'ok' };
    if (answer.kind === 'hang') {
      hanging.push(res);
      return;
    }
    if (answer.kind === 'status') {
      res.writeHead(answer.status, { 'content-type': 'text/plain' });
      res.end(answer.body ?? 'upstream error');
      return;
    }
    if (answer.kind === 'code') return json(answer.status ?? 200, { Code: answer.code, Message: answer.code });
    return json(200, { Code: 'OK', Message: 'OK', BizId: `biz-${received.length}` });
  };

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/`,
    received,
    /** The answers to the next requests, in order; then OK. */
    answer: (...next: FakeAnswer[]) => answers.push(...next),
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
export type FakeAliyun = Awaited<ReturnType<typeof startFakeAliyun>>;
