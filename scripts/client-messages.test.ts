import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '@/server/i18n/translate';
import { clientMessages } from '@/server/i18n/client-messages';
import { computeClientScopes, SCOPES_FILE } from './client-messages';

describe('message namespaces sent to the browser', () => {
  const scopes = computeClientScopes();

  it('client-scopes.json is what the client components use today (run npm run i18n:scopes)', () => {
    expect(JSON.parse(readFileSync(SCOPES_FILE, 'utf8'))).toEqual(scopes);
  });

  it('each portal gets the namespaces its client components name, and not the whole catalog', () => {
    // Named as t('cases.title') (creditor-cases-screen.tsx), t(`caseStatus.${s}`) and useTranslations('complaints').
    expect(scopes.creditor).toEqual(expect.arrayContaining(['cases', 'caseStatus', 'complaints', 'common', 'shell']));
    expect(scopes.agency).toEqual(expect.arrayContaining(['agencyCases', 'queue', 'work']));
    // A namespace computed at run time (t(`${view.texts}.history`)) counts the namespaces named by a bare string.
    expect(scopes.creditor).toEqual(expect.arrayContaining(['imports', 'repaymentImports']));
    // The public pages use no portal screens.
    expect(scopes.public).toEqual(expect.arrayContaining(['complaints', 'signin', 'publicLists']));
    expect(scopes.public).not.toContain('shell');
    expect(scopes.public).not.toContain('auditAction');
    for (const list of Object.values(scopes)) {
      expect(list.length).toBeLessThan(Object.keys(MESSAGES['zh-CN']).length);
    }
  });

  it('picks those namespaces out of each catalog', () => {
    const picked = clientMessages('en', 'public');
    expect(Object.keys(picked).sort()).toEqual([...(scopes.public ?? [])].sort());
    expect(picked.signin).toEqual(MESSAGES.en.signin);
  });
});
