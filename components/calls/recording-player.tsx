'use client';

/**
 * A call's recording, played from the file route: the browser asks for byte ranges as the
 * listener seeks (the route answers 206), so a long recording is never fetched whole to
 * jump to its middle. `preload="metadata"` fetches only what the duration needs until play.
 */
export const RecordingPlayer = ({ fileId, className = 'w-full' }: { fileId: string; className?: string }) => (
  <audio
    controls
    preload="metadata"
    src={`/api/files/${fileId}`}
    className={className}
    data-testid="recording-player"
  />
);
