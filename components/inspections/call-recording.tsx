'use client';

import { useTranslations } from 'use-intl';

/**
 * The call's recording, played from the stored file (HTTP range requests, so seeking works).
 * A plain player, kept in its own component so the calls' recording player can take its place.
 */
export const CallRecording = ({ fileId }: { fileId: string | null }) => {
  const t = useTranslations('inspections');
  if (!fileId) return <p className="text-sm text-slate-500">{t('noRecording')}</p>;
  return (
    <audio controls preload="metadata" src={`/api/files/${fileId}`} className="w-full" data-testid="call-recording">
      {t('noAudioSupport')}
    </audio>
  );
};
