import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '@/server/i18n/translate';
import { clientMessages } from '@/server/i18n/client-messages';
import { computeClientScopes, routeFiles, SCOPES_FILE, scopeOf } from './client-messages';

describe('message namespaces sent to the browser', () => {
  const scopes = computeClientScopes();
  const all = Object.keys(MESSAGES['zh-CN']).length;

  it('client-scopes.json is what the client components use today (run npm run i18n:scopes)', () => {
    expect(JSON.parse(readFileSync(SCOPES_FILE, 'utf8'))).toEqual(scopes);
  });

  it('each page exports itself with the messages of its own scope', () => {
    const pages = routeFiles().filter((f) => path.basename(f) === 'page.tsx');
    expect(pages.length).toBeGreaterThan(60);
    for (const file of pages) {
      expect(readFileSync(file, 'utf8'), file).toMatch(
        new RegExp(`^export default withMessages\\(\\w+, '${scopeOf(file).replace(/[[\]()]/g, '\\$&')}'\\);$`, 'm'),
      );
    }
  });

  it('a page gets the namespaces its client screens name, and not the whole catalog', () => {
    // t('cases.title') in creditor-cases-screen.tsx, t(`caseStatus.${s}`) in cases-table.tsx.
    expect(scopes['creditor/cases/page']).toEqual(expect.arrayContaining(['cases', 'caseStatus', 'common']));
    expect(scopes['creditor/cases/page']).not.toContain('sanctions');
    // useTranslations('complaints') in public-complaint.tsx.
    expect(scopes['(public)/complaints/page']).toContain('complaints');
    expect(scopes['agency/cases/page']).toEqual(expect.arrayContaining(['agencyCases', 'queue']));
    // A namespace computed at run time (t(`${view.texts}.history`)) counts the namespaces named by a bare string.
    expect(scopes['creditor/imports/page']).toEqual(expect.arrayContaining(['imports', 'repaymentImports']));
    // The portal's layout: the language switch and the notification bell.
    expect(scopes['creditor/layout']).toEqual(expect.arrayContaining(['common', 'notifications']));
    for (const list of Object.values(scopes)) expect(list.length).toBeLessThan(all / 2);
  });

  it('picks those namespaces out of each catalog', () => {
    const picked = clientMessages('en', '(public)/complaints/page');
    expect(Object.keys(picked).sort()).toEqual([...(scopes['(public)/complaints/page'] ?? [])].sort());
    expect(picked.complaints).toEqual(MESSAGES.en.complaints);
  });
});
