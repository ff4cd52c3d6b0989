// A mail is UTF-8 plain text with one-line headers: what a user typed (an organization's
// name in the subject) can never add a header, and Chinese travels as encoded words.
import { describe, expect, it } from 'vitest';
import { decodeHeaderValue, formatMail } from './mailer';

describe('formatMail', () => {
  it('encodes Chinese headers and keeps each header on one line', () => {
    const raw = formatMail(
      { to: 'a@example.cn', subject: '设置密码\r\nBcc: evil@example.com', text: '第一行\n第二行' },
      new Date('2026-03-05T00:00:00Z'),
    );
    const [head = '', body] = raw.split('\r\n\r\n');
    // Unfolded: a continuation line starts with a space and belongs to the header above it.
    const headers = head.split(/\r\n(?! )/);
    expect(headers.some((h) => h.startsWith('Bcc:'))).toBe(false);
    const subject = headers.find((h) => h.startsWith('Subject: ')) ?? '';
    for (const line of subject.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
    expect(
      subject
        .slice('Subject: '.length)
        .split('\r\n ')
        .every((w) => /^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=$/.test(w)),
    ).toBe(true);
    expect(decodeHeaderValue(subject.slice('Subject: '.length))).toBe('设置密码 Bcc: evil@example.com');
    const long = formatMail({
      to: 'a@example.cn',
      subject: '请设置密码，继续 上海信达商务咨询有限公司 的准入申请 / Set your password to continue',
      text: '',
    });
    const folded =
      long
        .split('\r\n\r\n')[0]
        ?.split(/\r\n(?! )/)
        .find((h) => h.startsWith('Subject: ')) ?? '';
    expect(folded.split('\r\n').length).toBeGreaterThan(1);
    for (const line of folded.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
    expect(decodeHeaderValue(folded.slice('Subject: '.length))).toBe(
      '请设置密码，继续 上海信达商务咨询有限公司 的准入申请 / Set your password to continue',
    );
    expect(headers).toContain('To: a@example.cn');
    expect(headers).toContain('Content-Type: text/plain; charset=utf-8');
    expect(body).toBe('第一行\r\n第二行\r\n');
  });
});
