// A call's recording is evidence (issue 19): the agency's dialer sends the call record and
// then its recording over the API; the call's page shows the record, the rule check, the
// shadow-contact flag, the transcript with forbidden phrases marked and the recording, in
// Chinese and English. The recording is served by byte range, so the player seeks in a long
// recording without fetching it whole (206 for a range; a seek asks from the middle on). The
// creditor of the case reads the same call.
import { sampleCaseRow, sampleCaseRows, toCsv } from '../../db/seed/case-file';
import { wavRecording } from '../../db/seed/evidence';
import { ACCOUNTS, expect, shot, signInAs, test, useLanguage } from '../fixtures';

const DAY = 86_400_000;
const shanghai = (at: number) => new Date(at + 8 * 3_600_000).toISOString();
const PREFIX = 'RCE2E';
const CONTRACT = `${PREFIX}00000000`;
const PARTY = (sampleCaseRow(0, PREFIX)[3] ?? '').split(';')[0] ?? '';
/** Yesterday 22:01 in Beijing: outside the contact window, and nobody logged it. */
const lateYesterday = () => {
  const day = shanghai(Date.now() - DAY).slice(0, 10);
  return `${day}T22:01:00+08:00`;
};

test.describe.configure({ mode: 'serial' });

let callPath = '';

test.describe('[AGENCY] a call recording as evidence', () => {
  test('[AGENCY] the dialer sends a call and its recording; the page shows them in both languages and seeks by range', async ({
    page,
    browser,
  }) => {
    // A placement, a key, a batch, ten minutes of audio and two languages: more than one screen's work.
    test.setTimeout(240_000);
    // The creditor places one case with the agency by a direct offer, which the agency accepts.
    const creditor = await (await browser.newContext()).newPage();
    await signInAs(creditor, ACCOUNTS.creditorAdmin, '/creditor');
    await creditor.goto('/creditor/imports');
    await creditor.getByTestId('import-file').setInputFiles({
      name: '录音案件.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(toCsv(sampleCaseRows(1, PREFIX))),
    });
    await expect(creditor.getByTestId('import-succeeded')).toHaveText('已导入 1 件案件。');
    await creditor.goto('/creditor/packages');
    await creditor.locator('#package-name').fill('录音证据定向包');
    await creditor.locator('#package-source').selectOption('import');
    await creditor.locator('#package-import').selectOption({ label: '录音案件.csv · 1' });
    await creditor.getByTestId('package-create').click();
    await creditor.waitForURL(/\/creditor\/packages\/[0-9a-f-]{36}$/);
    const now = Date.now();
    await creditor.locator('#closesAt').fill(shanghai(now + 2 * DAY).slice(0, 16));
    await creditor.locator('#commissionStart').fill(shanghai(now + 3 * DAY).slice(0, 10));
    await creditor.locator('#commissionEnd').fill(shanghai(now + 93 * DAY).slice(0, 10));
    await creditor.locator('#reserveFee').fill('30');
    await creditor.locator('#expectedRecovery').fill('15');
    await creditor.getByTestId('terms-save').click();
    await expect(creditor.getByTestId('terms-saved')).toBeVisible();
    await creditor.getByTestId('offer-agency').selectOption({ label: '上海正信资产管理有限公司 (A)' });
    await creditor.getByTestId('offer-fee').fill('25');
    await creditor.getByTestId('offer-send').click();
    await expect(creditor.getByTestId('package-status')).toHaveText('定向委托待答复');

    await signInAs(page, ACCOUNTS.agencyAdmin, '/agency');
    await page.goto('/agency/market');
    await page.getByRole('link', { name: '录音证据定向包' }).click();
    await page.getByTestId('offer-accept').click();
    await page.waitForURL(/\/agency\/cases$/);

    // The agency's dialer: a key with calls:write.
    await page.goto('/agency/api');
    await page.getByTestId('key-create-open').click();
    const form = page.getByTestId('new-key-form');
    await form.locator('#key-name').fill('呼叫中心');
    await form.getByTestId('scope-calls:write').check();
    await form.getByTestId('new-key-submit').click();
    const secret = (await page.getByTestId('key-secret-value').textContent()) ?? '';
    expect(secret).toMatch(/^dl_live_/);
    const auth = { authorization: `Bearer ${secret}` };

    const externalId = `CDR-${now}`;
    const sent = await page.request.post('/api/v1/agency/calls/batch', {
      headers: auth,
      data: {
        items: [
          {
            id: externalId,
            line: '021-61234567',
            party: PARTY,
            startedAt: lateYesterday(),
            answeredAt: lateYesterday().replace('22:01:00', '22:01:09'),
            endedAt: lateYesterday().replace('22:01:00', '22:11:09'),
            durationS: 600,
            disposition: 'answered',
            agent: ACCOUNTS.agencyCollector,
            transcript: '坐席：你欠的钱今天必须还。债务人：我现在真的没有钱。坐席：再不还钱我就弄 死 你，听见没有？',
          },
        ],
      },
    });
    expect(sent.status(), await sent.text()).toBe(201);
    expect(await sent.json()).toMatchObject({ stored: 1, matched: 1 });

    // Ten minutes of audio (9.6 MB): long enough that the player fetches by range as it seeks.
    const recording = await page.request.put(`/api/v1/agency/calls/${externalId}/recording`, {
      headers: { ...auth, 'content-type': 'audio/wav' },
      data: Buffer.from(wavRecording(600)),
    });
    expect(recording.status(), await recording.text()).toBe(201);
    const { fileId } = (await recording.json()) as { fileId: string };

    await page.goto('/agency/calls');
    await page.getByTestId('call-row').filter({ hasText: CONTRACT }).getByRole('link').first().click();
    await page.waitForURL(/\/agency\/calls\/[0-9a-f-]{36}$/);
    callPath = new URL(page.url()).pathname.replace('/agency', '');

    await expect(page.getByRole('heading', { name: '通话详情' })).toBeVisible();
    await expect(page.getByTestId('call-party')).toContainText('****');
    await expect(page.getByTestId('call-party')).not.toContainText(PARTY);
    await expect(page.getByTestId('call-case')).toContainText(CONTRACT);
    await expect(page.getByTestId('call-shadow')).toBeVisible();
    await expect(page.getByTestId('transcript-hit')).toHaveText('弄 死 你');
    // The rule check runs as a job after the batch: its verdict shows once done.
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId('call-violation').first()).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await expect(page.getByTestId('call-violation').first()).toContainText('不在联系时段');
    const player = page.getByTestId('recording-player');
    await expect(player).toHaveAttribute('src', `/api/files/${fileId}`);
    await expect(player).toHaveAttribute('preload', 'metadata');
    await shot(page, 'call-recording.agency.zh-CN');

    // The file route answers a byte range (the production server hands /api/files to Next.js).
    const part = await page.request.get(`/api/files/${fileId}`, { headers: { Range: 'bytes=1000-1999' } });
    expect(part.status()).toBe(206);
    expect(part.headers()['content-range']).toBe(`bytes 1000-1999/${wavRecording(600).byteLength}`);
    expect(part.headers()['accept-ranges']).toBe('bytes');
    expect((await part.body()).byteLength).toBe(1000);
    const outside = await page.request.get(`/api/files/${fileId}`, { headers: { Range: 'bytes=99999999-' } });
    expect(outside.status()).toBe(416);

    // Seeking to the middle: the browser asks for the bytes from there on, not the whole file.
    const seeked = page.waitForRequest(
      (r) => r.url().endsWith(`/api/files/${fileId}`) && /^bytes=[1-9]\d*-/.test(r.headers().range ?? ''),
    );
    await player.evaluate(async (audio: HTMLAudioElement) => {
      if (audio.readyState < 1)
        await new Promise((resolve) => audio.addEventListener('loadedmetadata', resolve, { once: true }));
      audio.currentTime = audio.duration / 2;
    });
    const request = await seeked;
    const response = await request.response();
    expect(response?.status()).toBe(206);

    await useLanguage(page, 'en');
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Call' })).toBeVisible();
    await expect(page.getByTestId('call-shadow')).toContainText('Shadow call');
    await shot(page, 'call-recording.agency.en');
  });

  test('[CREDITOR] the creditor of the case reads the same call and its recording', async ({ page }) => {
    expect(callPath).toMatch(/^\/calls\/[0-9a-f-]{36}$/);
    await signInAs(page, ACCOUNTS.creditorViewer, '/creditor');
    await page.goto(`/creditor${callPath}`);
    await expect(page.getByRole('heading', { name: '通话详情' })).toBeVisible();
    await expect(page.getByTestId('call-case')).toContainText(CONTRACT);
    await expect(page.getByTestId('recording-player')).toBeVisible();
    await expect(page.getByTestId('recording-upload')).toHaveCount(0);
    const src = (await page.getByTestId('recording-player').getAttribute('src')) ?? '';
    const part = await page.request.get(src, { headers: { Range: 'bytes=-44' } });
    expect(part.status()).toBe(206);
    expect((await part.body()).byteLength).toBe(44);
    await shot(page, 'call-recording.creditor.zh-CN');
  });
});
