import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

// Outgoing mail (sign-up links and notices). Sent by the job worker after the change that
// asks for it committed (server/jobs/handlers.ts), so a failed send is retried and never
// holds a request. MAIL_TRANSPORT picks how a message leaves:
// - `sendmail`: piped to the local MTA (`MAIL_SENDMAIL_PATH`, default /usr/sbin/sendmail -t -i);
// - `directory` (the default): written as an .eml file into MAIL_DIR (default .data/mail),
//   for development and for the browser tests, which read the link from it;
// - `memory`: kept in this process for the tests (sentMails()).

export type Mail = { to: string; subject: string; text: string };

const globalForMail = globalThis as unknown as { __daylightMails?: Mail[] };

/** Messages the `memory` transport kept, oldest first. */
export const sentMails = (): readonly Mail[] => globalForMail.__daylightMails ?? [];

/** The address links in a mail point at: the app's public URL. */
export const appUrl = (): string => (process.env.NEXTAUTH_URL ?? 'http://localhost:3000').replace(/\/+$/, '');

const DEFAULT_FROM = 'Daylight 阳光处置平台 <no-reply@daylight.invalid>';

/**
 * A header value with no line breaks of its own; anything beyond printable ASCII as RFC 2047
 * encoded words of at most 75 characters (whole characters each), folded onto continuation lines.
 */
const headerValue = (value: string) => {
  const line = value.replace(/[\r\n]+/g, ' ');
  if (/^[\x20-\x7e]*$/.test(line)) return line;
  const words: string[] = [];
  let chunk = '';
  for (const ch of line) {
    if (Buffer.byteLength(chunk + ch, 'utf8') > 39) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join('\r\n ');
};

/** The text of a header value written by headerValue (unfolded, encoded words decoded). */
export const decodeHeaderValue = (value: string) =>
  value
    .replace(/\r\n /g, ' ')
    .replace(/\?= =\?UTF-8\?B\?/g, '?==?UTF-8?B?')
    .replace(/=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=/g, (_m, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));

/** The message as an RFC 5322 text: UTF-8 plain text, CRLF line ends. */
export const formatMail = (mail: Mail, now = new Date()): string => {
  const from = process.env.MAIL_FROM ?? DEFAULT_FROM;
  const fromHeader = from.replace(/^([^<]*?)\s*<([^>]+)>$/, (_m, name: string, address: string) =>
    name ? `${headerValue(name)} <${address}>` : `<${address}>`,
  );
  return [
    `From: ${fromHeader}`,
    `To: ${headerValue(mail.to)}`,
    `Subject: ${headerValue(mail.subject)}`,
    `Date: ${now.toUTCString()}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    mail.text.replace(/\r?\n/g, '\r\n'),
    '',
  ].join('\r\n');
};

const viaSendmail = (message: string) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(process.env.MAIL_SENDMAIL_PATH ?? '/usr/sbin/sendmail', ['-t', '-i'], {
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`sendmail exited with ${code}: ${stderr.trim()}`)),
    );
    child.stdin.end(message, 'utf8');
  });

const intoDirectory = async (message: string, now: Date) => {
  const dir = process.env.MAIL_DIR ?? path.join('.data', 'mail');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, `${now.getTime()}-${randomBytes(4).toString('hex')}.eml`), message, {
    encoding: 'utf8',
    mode: 0o600,
  });
};

/** Sends one message by the configured transport; throws when it could not be handed over. */
export const sendMail = async (mail: Mail, now = new Date()): Promise<void> => {
  const transport = process.env.MAIL_TRANSPORT ?? 'directory';
  if (transport === 'memory') {
    (globalForMail.__daylightMails ??= []).push(mail);
    return;
  }
  const message = formatMail(mail, now);
  if (transport === 'sendmail') return viaSendmail(message);
  if (transport === 'directory') return intoDirectory(message, now);
  throw new Error(`unknown MAIL_TRANSPORT ${transport}`);
};
