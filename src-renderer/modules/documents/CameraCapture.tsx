import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Center, Group, Loader, Modal, Select, Stack, Text, Tooltip, ActionIcon } from '@mantine/core';
import {
  IconCamera,
  IconCameraOff,
  IconCrop,
  IconDeviceFloppy,
  IconRefresh,
  IconRotate2,
  IconRotateClockwise2,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCameraStream, type CameraProblem } from './camera-stream';
import { fileStamp } from './intake-names';
import { StillEditor } from './StillEditor';
import { crop, grabFrame, jpegFile, rotate, type CropRect } from './still-image';

/**
 * "Kameradan çek": a live preview of the chosen camera, a still taken from it,
 * turned and cropped, saved as a JPEG named "Kamera 2026-11-23 14.05.jpg". The
 * camera runs only while the preview shows: taking the still, closing the modal
 * or leaving the screen stops it.
 */
export function CameraCapture({
  opened,
  onClose,
  onFile,
}: {
  opened: boolean;
  onClose: () => void;
  onFile: (file: File) => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('documents.filing.camera.title')} size="xl" centered>
      {opened && <CameraBody onClose={onClose} onFile={onFile} />}
    </Modal>
  );
}

function CameraBody({ onClose, onFile }: { onClose: () => void; onFile: (file: File) => void }) {
  const { t } = useTranslation();
  const [still, setStill] = useState<HTMLCanvasElement | null>(null);
  const [turns, setTurns] = useState(0);
  const [cropRect, setCropRect] = useState<CropRect | null>(null);
  const [saving, setSaving] = useState(false);
  const camera = useCameraStream(still === null);
  const video = useRef<HTMLVideoElement>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    if (video.current) video.current.srcObject = camera.stream;
    setReady(false);
  }, [camera.stream]);

  const shown = useMemo(() => (still ? rotate(still, turns) : null), [still, turns]);

  const take = () => {
    if (!video.current) return;
    setStill(grabFrame(video.current));
    setTurns(0);
    setCropRect(null);
  };
  const turn = (by: number) => {
    setTurns((n) => n + by);
    // A crop drawn on the old orientation would cut the wrong part.
    setCropRect(null);
  };
  const save = async () => {
    if (!shown) return;
    setSaving(true);
    try {
      onFile(
        await jpegFile(crop(shown, cropRect), `${t('documents.filing.camera.fileName')} ${fileStamp(new Date())}.jpg`),
      );
      onClose();
    } finally {
      setSaving(false);
    }
  };

  if (shown) {
    return (
      <Stack gap="sm">
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('documents.filing.camera.cropHint')}
          </Text>
          <Group gap={4}>
            <Tooltip label={t('documents.filing.camera.rotateLeft')}>
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={t('documents.filing.camera.rotateLeft')}
                onClick={() => turn(-1)}
              >
                <IconRotate2 size={18} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('documents.filing.camera.rotateRight')}>
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={t('documents.filing.camera.rotateRight')}
                onClick={() => turn(1)}
              >
                <IconRotateClockwise2 size={18} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('documents.filing.camera.resetCrop')}>
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={t('documents.filing.camera.resetCrop')}
                disabled={!cropRect}
                onClick={() => setCropRect(null)}
              >
                <IconCrop size={18} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
        <Center bg="dark.7" p="xs" style={{ borderRadius: 'var(--mantine-radius-sm)' }}>
          <StillEditor image={shown} crop={cropRect} onCrop={setCropRect} />
        </Center>
        <Group justify="space-between">
          <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={() => setStill(null)}>
            {t('documents.filing.camera.retake')}
          </Button>
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              leftSection={<IconDeviceFloppy size={16} />}
              loading={saving}
              onClick={() => void save()}
              data-testid="camera-save"
            >
              {t('documents.filing.camera.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="sm">
      {camera.problem ? (
        <ProblemNotice problem={camera.problem} onRetry={camera.retry} />
      ) : (
        <>
          {camera.devices.length > 1 && (
            <Select
              label={t('documents.filing.camera.device')}
              data={camera.devices.map((d, i) => ({
                value: d.deviceId,
                label: d.label || `${t('documents.filing.camera.device')} ${i + 1}`,
              }))}
              value={camera.deviceId}
              onChange={(id) => id && camera.choose(id)}
              allowDeselect={false}
              data-testid="camera-device"
            />
          )}
          <Center
            bg="dark.7"
            mih={240}
            pos="relative"
            style={{ borderRadius: 'var(--mantine-radius-sm)', overflow: 'hidden' }}
          >
            <video
              ref={video}
              autoPlay
              muted
              playsInline
              data-testid="camera-preview"
              onLoadedMetadata={() => setReady(true)}
              style={{ maxWidth: '100%', maxHeight: '55vh', display: ready ? 'block' : 'none' }}
            />
            {!ready && (
              <Group gap="xs" c="gray.3">
                <Loader size="sm" color="gray.3" />
                <Text size="sm">{t('documents.filing.camera.starting')}</Text>
              </Group>
            )}
          </Center>
        </>
      )}
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button
          leftSection={<IconCamera size={16} />}
          disabled={!ready || !!camera.problem}
          onClick={take}
          data-testid="camera-capture"
        >
          {t('documents.filing.camera.capture')}
        </Button>
      </Group>
    </Stack>
  );
}

function ProblemNotice({ problem, onRetry }: { problem: CameraProblem; onRetry: () => void }) {
  const { t } = useTranslation();
  const message =
    problem.kind === 'other'
      ? t('documents.filing.camera.errors.other', { reason: problem.reason })
      : t(`documents.filing.camera.errors.${problem.kind}`);
  return (
    <Alert color="orange" icon={<IconCameraOff size={18} />} data-testid="camera-problem">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{message}</Text>
        <Button size="xs" variant="light" leftSection={<IconRefresh size={14} />} onClick={onRetry}>
          {t('documents.filing.camera.retry')}
        </Button>
      </Stack>
    </Alert>
  );
}
