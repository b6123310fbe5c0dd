import { useEffect, useState } from 'react';
import { Button } from '@mantine/core';
import { IconCamera } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CameraCapture } from './CameraCapture';
import { useUploads } from './useUploads';

/**
 * "Kameradan çek" on the documents tab. The card's quick action of the same name
 * opens this tab with ?camera=1, which opens the camera at once.
 */
export function CameraAction({ cardId }: { cardId: string }) {
  const { t } = useTranslation();
  const { send } = useUploads(cardId);
  const [opened, setOpened] = useState(false);
  const [params, setParams] = useSearchParams();
  const asked = params.get('camera') === '1';
  useEffect(() => {
    if (!asked) return;
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.delete('camera');
        return next;
      },
      { replace: true },
    );
    setOpened(true);
  }, [asked, setParams]);
  return (
    <>
      <Button
        variant="light"
        leftSection={<IconCamera size={16} />}
        onClick={() => setOpened(true)}
        data-testid="documents-camera"
      >
        {t('documents.filing.camera.action')}
      </Button>
      <CameraCapture
        opened={opened}
        onClose={() => setOpened(false)}
        onFile={(file) => void send([file], { kind: 'attach', cardId, source: 'camera' })}
      />
    </>
  );
}
