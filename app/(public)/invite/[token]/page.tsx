import type { Metadata } from 'next';
import { AcceptInviteForm } from '@/components/auth/accept-invite-form';
import { Alert } from '@/components/ui/alert';
import { getServerCaller } from '@/server/api/server-caller';
import { getServerT } from '@/server/i18n/request-locale';
import { withMessages } from '../../../_components/with-messages';

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getServerT())('invite.title') });

const InvitePage = async ({ params }: { params: Promise<{ token: string }> }) => {
  const t = await getServerT();
  const { token } = await params;
  const invite = await (await getServerCaller()).auth.invite.get({ token }).catch(() => null);
  return (
    <main className="mx-auto max-w-md px-4 py-12">
      <div className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <h1 className="text-xl font-semibold text-slate-900">{t('invite.title')}</h1>
        {invite ? (
          <>
            <p className="mb-5 mt-1 text-sm text-slate-600" data-testid="invite-summary">
              {t('invite.summary', { name: invite.name, org: invite.orgName, email: invite.email })}
            </p>
            <AcceptInviteForm token={token} />
          </>
        ) : (
          <div className="mt-4">
            <Alert testId="invite-invalid">{t('errors.auth.inviteInvalid')}</Alert>
          </div>
        )}
      </div>
    </main>
  );
};

export default withMessages(InvitePage, '(public)/invite/[token]/page');
