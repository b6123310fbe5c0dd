import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { IconCameraOff, IconRefresh } from '@tabler/icons-react';
import jsQR from 'jsqr';
import { useTranslation } from 'react-i18next';
import { useCameraStream } from '../documents/camera-stream';

/** How often a frame is looked at, and how long the same code is ignored after it was read. */
const SCAN_EVERY_MS = 200;
const SAME_CODE_PAUSE_MS = 3000;
/** Frames are scaled down to this width: a QR code on a phone or paper held up to the camera reads fine. */
const SCAN_WIDTH = 640;

/**
 * The camera at the door: reads QR codes from the live picture (jsQR on a canvas about five times a second) and
 * hands each code over once. The camera stops when the scanner is closed or the page is left.
 */
export function CameraScanner({ onCode }: { onCode: (code: string) => void }) {
  const { t } = useTranslation();
  const camera = useCameraStream(true);
  const video = useRef<HTMLVideoElement>(null);
  const [ready, setReady] = useState(false);
  const onCodeRef = useRef(onCode);
  onCodeRef.current = onCode;

  useEffect(() => {
    if (video.current) video.current.srcObject = camera.stream;
    setReady(false);
  }, [camera.stream]);

  useEffect(() => {
    if (!ready) return;
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    let last = { code: '', at: 0 };
    const timer = window.setInterval(() => {
      const v = video.current;
      if (!context || !v || v.readyState < 2 || v.videoWidth === 0) return;
      const scale = Math.min(1, SCAN_WIDTH / v.videoWidth);
      canvas.width = Math.round(v.videoWidth * scale);
      canvas.height = Math.round(v.videoHeight * scale);
      context.drawImage(v, 0, 0, canvas.width, canvas.height);
      const frame = context.getImageData(0, 0, canvas.width, canvas.height);
      const found = jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'dontInvert' });
      const code = found?.data.trim();
      if (!code) return;
      const now = Date.now();
      if (code === last.code && now - last.at < SAME_CODE_PAUSE_MS) return;
      last = { code, at: now };
      onCodeRef.current(code);
    }, SCAN_EVERY_MS);
    return () => window.clearInterval(timer);
  }, [ready]);

  if (camera.problem) {
    const message =
      camera.problem.kind === 'other'
        ? t('documents.filing.camera.errors.other', { reason: camera.problem.reason })
        : t(`documents.filing.camera.errors.${camera.problem.kind}`);
    return (
      <Alert color="orange" icon={<IconCameraOff size={18} />} data-testid="camera-problem">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{message}</Text>
          <Button size="xs" variant="light" leftSection={<IconRefresh size={14} />} onClick={camera.retry}>
            {t('documents.filing.camera.retry')}
          </Button>
        </Stack>
      </Alert>
    );
  }
  return (
    <Center bg="dark.7" mih={240} style={{ borderRadius: 'var(--mantine-radius-md)', overflow: 'hidden' }}>
      <video
        ref={video}
        autoPlay
        muted
        playsInline
        onLoadedMetadata={() => setReady(true)}
        data-testid="scanner-video"
        style={{ width: '100%', maxHeight: '40vh', objectFit: 'contain', display: ready ? 'block' : 'none' }}
      />
      {!ready && (
        <Group gap="xs" c="gray.3">
          <Loader size="sm" color="gray.3" />
          <Text size="sm">{t('documents.filing.camera.starting')}</Text>
        </Group>
      )}
    </Center>
  );
}
