import { vi } from 'vitest';
import { startFakeAlipay, type FakeAlipay } from './fake-alipay';
import { callerAs, type World } from './world';

export { FAKE_ALIPAY_APP_ID, startFakeAlipay, type FakeAlipay, type FakeAlipayAnswer } from './fake-alipay';

/** creditorA's Alipay set up against a local gateway by its admin, and the platform's public address (authorization tables). */
export const withCreditorAlipay = async (w: World): Promise<FakeAlipay> => {
  const fake = await startFakeAlipay();
  vi.stubEnv('PAYMENTS_ALIPAY_GATEWAY', fake.gateway);
  vi.stubEnv('PAYMENTS_PUBLIC_URL', 'https://daylight.example');
  const admin = await callerAs(w.db, w.users['creditorA.admin']);
  await admin.payments.saveSettings({
    accountName: '华信消费金融有限公司',
    bankName: '中国工商银行北京分行营业部',
    accountNo: '0200001234567890123',
    provider: 'alipay',
    providerAppId: fake.appId,
    providerPrivateKey: fake.merchantPrivateKey,
    providerPublicKey: fake.alipayPublicKey,
  });
  return fake;
};
