import { getServerT } from '@/server/i18n/request-locale';
import { Alert } from '@/components/ui/alert';

export const Forbidden = async () => {
  const t = await getServerT();
  return <Alert testId="forbidden">{t('errors.auth.forbidden')}</Alert>;
};
