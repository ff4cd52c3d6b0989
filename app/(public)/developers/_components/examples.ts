import type { Locale } from '@/lib/enums';
import { ENDPOINTS } from '@/server/api/rest/endpoints';
import { SYNC_BATCH_ITEMS } from '@/server/api/rest/batch-import';
import { problemOf } from '@/server/api/rest/problem';
import { DomainError } from '@/server/errors';

// The worked examples of /developers, as a program sends and reads them. The bodies are the
// endpoints' own request examples (the ones the OpenAPI document carries), and the refusal is
// built by the same function that answers a real one, in the page's language.

const IMPORT_ID = '0193a5c2-7f1e-7000-8000-00000000a001';
const KEY = 'Authorization: Bearer $DAYLIGHT_KEY';

const exampleOf = (operationId: string): unknown => ENDPOINTS.find((e) => e.operationId === operationId)?.example;

const json = (value: unknown) => JSON.stringify(value, null, 2);

const command = (lines: string[]) => lines.join(' \\\n  ');

export const developerExamples = (origin: string, locale: Locale) => {
  const api = `${origin}/api/v1`;
  const importUrl = `${api}/creditor/imports/${IMPORT_ID}`;
  const importRef = { id: IMPORT_ID, status: 'queued', rowCount: 0, rowsWritten: 0, url: importUrl };
  const next = '2026-12-04 08:00';
  const refusal = problemOf(locale, new DomainError('rules.window', { values: { next } }), '/api/v1/agency/actions');
  const action = {
    caseId: '0193a5c2-0000-7000-8000-000000000001',
    channel: 'call',
    target: 'debtor',
    index: 0,
    outcome: 'unanswered',
    note: '',
  };
  return {
    placeCommand: command([
      `curl -sS -i -X POST "${api}/creditor/cases/batch"`,
      `-H "${KEY}"`,
      '-H "Content-Type: application/json"',
      '-H "Idempotency-Key: placement-2026-12-03-01"',
      '--data-binary @cases.json',
    ]),
    placeFile: json(exampleOf('placeCases')),
    placeAnswer: [
      'HTTP/1.1 202 Accepted',
      'Content-Type: application/json; charset=utf-8',
      `Location: ${importUrl}`,
      'RateLimit-Limit: 600',
      'RateLimit-Remaining: 599',
      'RateLimit-Reset: 60',
      '',
      json({ import: importRef }),
    ].join('\n'),
    followCommand: `${command([`curl -sS "${importUrl}"`, `-H "${KEY}"`])} \\\n  | jq '{status, rowCount, rowsWritten, errorCount, errors}'`,
    followAnswer: json({ status: 'succeeded', rowCount: 5000, rowsWritten: 5000, errorCount: 0, errors: [] }),
    logCommand: command([
      `curl -sS -i -X POST "${api}/agency/actions"`,
      `-H "${KEY}"`,
      '-H "Content-Type: application/json"',
      `-H "Accept-Language: ${locale}"`,
      '-H "Idempotency-Key: call-20261203-231000-0001"',
      `--data '${JSON.stringify(action)}'`,
    ]),
    logAnswer: [
      `HTTP/1.1 ${refusal.status} ${refusal.title}`,
      'Content-Type: application/problem+json; charset=utf-8',
      '',
      json(refusal),
    ].join('\n'),
    syncItems: SYNC_BATCH_ITEMS,
  };
};
