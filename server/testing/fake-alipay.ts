import { createSign, createVerify, generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A stand-in for Alipay's open-platform gateway, for the tests: it checks an
// alipay.trade.precreate request the way the gateway does (the common parameters, the
// RSA2 signature recomputed with the merchant's public key from the fields it received,
// written here apart from the adapter's own code) and answers as the gateway answers, its
// answer signed with "Alipay's" private key over the JSON text of the response member. It
// also signs notifications as Alipay would post them. The unit tests and the browser tests
// (the server's PAYMENTS_ALIPAY_GATEWAY pointed at it) both use it.

const pair = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
const der = (key: ReturnType<typeof pair>['publicKey']) =>
  key.export({ type: 'spki', format: 'der' }).toString('base64');
const pkcs8 = (key: ReturnType<typeof pair>['privateKey']) =>
  key.export({ type: 'pkcs8', format: 'der' }).toString('base64');

/** Written from Alipay's documentation: non-empty fields but the omitted ones, sorted by name, `k=v&…`. */
const content = (fields: Record<string, string>, omit: string[]) =>
  Object.entries(fields)
    .filter(([k, v]) => !omit.includes(k) && v !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');

export const FAKE_ALIPAY_APP_ID = '2021000123456789';

export type FakeAlipayAnswer =
  { kind: 'ok' } | { kind: 'error'; subCode: string } | { kind: 'unsigned' } | { kind: 'forged' };

/** The stand-in gateway on `port` (any free port when 0), on 127.0.0.1. */
export const startFakeAlipay = async ({ port: wanted = 0 }: { port?: number } = {}) => {
  const merchant = pair();
  const alipay = pair();
  const intruder = pair();
  const received: { fields: Record<string, string>; isSignatureValid: boolean }[] = [];
  const answers: FakeAlipayAnswer[] = [];

  const signWith = (key: typeof alipay.privateKey, text: string) =>
    createSign('RSA-SHA256').update(text, 'utf8').sign(key, 'base64');

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const fields = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
    const isSignatureValid = createVerify('RSA-SHA256')
      .update(content(fields, ['sign']), 'utf8')
      .verify(merchant.publicKey, fields.sign ?? '', 'base64');
    received.push({ fields, isSignatureValid });
    const reply = (member: Record<string, string>, key: typeof alipay.privateKey | null) => {
      const text = JSON.stringify(member);
      res.writeHead(200, { 'content-type': 'text/html;charset=utf-8' });
      res.end(
        key
          ? `{"alipay_trade_precreate_response":${text},"sign":"${signWith(key, text)}"}`
          : `{"alipay_trade_precreate_response":${text}}`,
      );
    };
    const fail = (subCode: string, subMsg: string) =>
      reply({ code: '40002', msg: 'Invalid Arguments', sub_code: subCode, sub_msg: subMsg }, null);
    if (req.method !== 'POST') return fail('isv.invalid-method', 'POST only');
    if (fields.app_id !== FAKE_ALIPAY_APP_ID) return fail('isv.invalid-app-id', 'app_id');
    if (!isSignatureValid) return fail('isv.invalid-signature', '验签出错');
    if (
      fields.method !== 'alipay.trade.precreate' ||
      fields.sign_type !== 'RSA2' ||
      fields.charset !== 'utf-8' ||
      fields.version !== '1.0' ||
      !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(fields.timestamp ?? '')
    )
      return fail('isv.missing-or-invalid-parameter', 'common parameters');
    let biz: Record<string, unknown>;
    try {
      biz = JSON.parse(fields.biz_content ?? '') as Record<string, unknown>;
    } catch {
      return fail('isv.invalid-biz-content', 'biz_content');
    }
    if (
      typeof biz.out_trade_no !== 'string' ||
      !/^\w{1,64}$/.test(biz.out_trade_no) ||
      typeof biz.total_amount !== 'string' ||
      !/^\d+\.\d{2}$/.test(biz.total_amount) ||
      typeof biz.subject !== 'string'
    )
      return fail('ACQ.INVALID_PARAMETER', 'biz_content');
    const answer = answers.shift() ?? { kind: 'ok' };
    if (answer.kind === 'error')
      return reply(
        { code: '40004', msg: 'Business Failed', sub_code: answer.subCode, sub_msg: answer.subCode },
        alipay.privateKey,
      );
    const ok = {
      code: '10000',
      msg: 'Success',
      out_trade_no: biz.out_trade_no,
      qr_code: `https://qr.alipay.com/bax${received.length}test`,
    };
    return reply(
      ok,
      answer.kind === 'unsigned' ? null : answer.kind === 'forged' ? intruder.privateKey : alipay.privateKey,
    );
  };

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(wanted, '127.0.0.1', resolve));
  // A table's setup may leave it running: it never keeps the test process alive.
  server.unref();
  const { port } = server.address() as AddressInfo;
  return {
    gateway: `http://127.0.0.1:${port}/gateway.do`,
    appId: FAKE_ALIPAY_APP_ID,
    /** What the creditor enters: its application private key, and Alipay's public key (bare base64, as Alipay's tools show them). */
    merchantPrivateKey: pkcs8(merchant.privateKey),
    alipayPublicKey: der(alipay.publicKey),
    received,
    answer: (...next: FakeAlipayAnswer[]) => answers.push(...next),
    /** A notification of a paid trade as Alipay posts it (form-encoded), signed by Alipay, or by someone else. */
    notice: (fields: Record<string, string>, { forged = false } = {}) => {
      const all: Record<string, string> = {
        notify_time: '2026-12-04 10:00:00',
        notify_type: 'trade_status_sync',
        notify_id: `n${Math.random().toString(36).slice(2)}`,
        app_id: FAKE_ALIPAY_APP_ID,
        charset: 'utf-8',
        version: '1.0',
        trade_status: 'TRADE_SUCCESS',
        gmt_payment: '2026-12-04 09:59:58',
        ...fields,
      };
      const sign = signWith(forged ? intruder.privateKey : alipay.privateKey, content(all, ['sign', 'sign_type']));
      return { ...all, sign_type: 'RSA2', sign };
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
export type FakeAlipay = Awaited<ReturnType<typeof startFakeAlipay>>;
