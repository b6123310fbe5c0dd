import { useEffect, useRef, useState } from 'react';
import { ActionIcon, Center, Group, Loader, Stack, Text, Tooltip } from '@mantine/core';
import { IconArrowsMaximize, IconRotateClockwise, IconZoomIn, IconZoomOut } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../../app/contract-hooks';
import { readDocument } from '../document-bytes';

const STEPS = [0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4, 6, 8];

/** An image, fitted to the space by default; zoom and a rotated view (the file itself is left as it is). */
export default function ImageViewer({ documentId, onUnsupported }: { documentId: string; onUnsupported: () => void }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [natural, setNatural] = useState<{ width: number; height: number } | null>(null);
  const [zoom, setZoom] = useState<'fit' | number>('fit');
  const [rotation, setRotation] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  const [space, setSpace] = useState({ width: 0, height: 0 });

  useEffect(() => {
    let live = true;
    let made: string | null = null;
    readDocument(client, documentId)
      .then((file) => {
        if (!live) return;
        made = URL.createObjectURL(new Blob(file.parts, { type: file.mimeType }));
        setUrl(made);
      })
      .catch((error: Error) => live && setFailed(error.message));
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [client, documentId]);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(() =>
      setSpace({ width: element.clientWidth - 24, height: element.clientHeight - 24 }),
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const turned = rotation % 180 !== 0;
  const shown = natural && (turned ? { width: natural.height, height: natural.width } : natural);
  const fitScale = shown ? Math.min(1, space.width / shown.width, space.height / shown.height) : 1;
  const scale = zoom === 'fit' ? fitScale : zoom;
  const percent = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'tr-TR', { style: 'percent' }).format(scale);

  return (
    <Stack gap="xs" h="100%" mih={0} data-testid="image-viewer">
      <Group gap={4} justify="center">
        <Tooltip label={t('documents.viewer.zoomOut')} withArrow>
          <ActionIcon
            variant="subtle"
            aria-label={t('documents.viewer.zoomOut')}
            onClick={() => setZoom([...STEPS].reverse().find((s) => s < scale / 1.05) ?? scale)}
          >
            <IconZoomOut size={18} />
          </ActionIcon>
        </Tooltip>
        <Text size="sm" w={52} ta="center" data-testid="image-zoom">
          {percent}
        </Text>
        <Tooltip label={t('documents.viewer.zoomIn')} withArrow>
          <ActionIcon
            variant="subtle"
            aria-label={t('documents.viewer.zoomIn')}
            onClick={() => setZoom(STEPS.find((s) => s > scale * 1.05) ?? scale)}
          >
            <IconZoomIn size={18} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={t('documents.viewer.fit')} withArrow>
          <ActionIcon
            variant={zoom === 'fit' ? 'light' : 'subtle'}
            aria-label={t('documents.viewer.fit')}
            aria-pressed={zoom === 'fit'}
            onClick={() => setZoom('fit')}
          >
            <IconArrowsMaximize size={18} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={t('documents.viewer.rotate')} withArrow>
          <ActionIcon
            variant="subtle"
            aria-label={t('documents.viewer.rotate')}
            onClick={() => setRotation((r) => (r + 90) % 360)}
          >
            <IconRotateClockwise size={18} />
          </ActionIcon>
        </Tooltip>
      </Group>
      <div
        ref={box}
        style={{
          flex: 1,
          minHeight: 0,
          overflow: 'auto',
          display: 'grid',
          placeItems: 'center',
          padding: 12,
          background: 'var(--mantine-color-gray-2)',
          borderRadius: 'var(--mantine-radius-sm)',
        }}
      >
        {failed ? (
          <Text c="red">{t('documents.viewer.loadFailed', { reason: failed })}</Text>
        ) : !url ? (
          <Center>
            <Loader />
          </Center>
        ) : (
          <div
            style={{
              position: 'relative',
              width: shown ? shown.width * scale : undefined,
              height: shown ? shown.height * scale : undefined,
            }}
          >
            <img
              src={url}
              alt=""
              data-testid="image-preview"
              data-rotation={rotation}
              onLoad={(event) =>
                setNatural({ width: event.currentTarget.naturalWidth, height: event.currentTarget.naturalHeight })
              }
              onError={onUnsupported}
              style={
                natural
                  ? {
                      position: 'absolute',
                      left: '50%',
                      top: '50%',
                      width: natural.width * scale,
                      height: natural.height * scale,
                      transform: `translate(-50%, -50%) rotate(${rotation}deg)`,
                      boxShadow: '0 1px 4px rgb(0 0 0 / 0.25)',
                      background: 'white',
                    }
                  : { visibility: 'hidden' }
              }
            />
          </div>
        )}
      </div>
    </Stack>
  );
}
