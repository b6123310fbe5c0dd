import { Button, Group, NavLink, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { IconBuilding, IconPlus, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { SegmentCardType } from '../../../src-shared/domain/segment-query';
import { useCall } from '../../app/contract-hooks';
import { SegmentEditor } from './SegmentEditor';

/** Saved segments on the left, the one being built or changed on the right. */
export function SegmentsPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [params] = useSearchParams();
  const newType =
    params.get('new') === 'institution' ? 'institution' : params.get('new') === 'person' ? 'person' : null;
  const { data } = useCall('segments.list', {});
  const segments = data?.segments ?? [];
  const icon = (type: SegmentCardType) => (type === 'person' ? <IconUsers size={16} /> : <IconBuilding size={16} />);

  return (
    <Group align="stretch" gap="md" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
      <Paper withBorder p="sm" w={280} style={{ display: 'flex', flexDirection: 'column', flexShrink: 0 }}>
        <Title order={4} mb="xs">
          {t('segments.title')}
        </Title>
        <Stack gap={6} mb="sm">
          <Button
            component={Link}
            to="/segments?new=person"
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
          >
            {t('segments.newPerson')}
          </Button>
          <Button
            component={Link}
            to="/segments?new=institution"
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
          >
            {t('segments.newInstitution')}
          </Button>
        </Stack>
        <ScrollArea style={{ flex: 1 }}>
          {segments.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('segments.none')}
            </Text>
          )}
          {segments.map((s) => (
            <NavLink
              key={s.id}
              component={Link}
              to={`/segments/${s.id}`}
              label={s.name}
              description={t(`segments.cardTypes.${s.cardType}`)}
              leftSection={icon(s.cardType)}
              active={s.id === id}
            />
          ))}
        </ScrollArea>
      </Paper>
      <Stack style={{ flex: 1, minWidth: 0 }} gap="sm">
        {id ? (
          <SegmentEditor key={id} id={id} />
        ) : newType ? (
          <SegmentEditor key={`new-${newType}`} newType={newType} />
        ) : (
          <Paper withBorder p="xl">
            <Text c="dimmed">{t('segments.intro')}</Text>
          </Paper>
        )}
      </Stack>
    </Group>
  );
}
