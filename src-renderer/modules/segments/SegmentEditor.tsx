import { useState } from 'react';
import { Alert, Badge, Button, Center, Group, Loader, Paper, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconList, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Segment } from '../../../src-shared/contract/segments';
import { emptySegmentQuery, type SegmentCardType, type SegmentQuery } from '../../../src-shared/domain/segment-query';
import { useCall, useMutate } from '../../app/contract-hooks';
import { GroupEditor, type CriteriaByType } from './NodeEditor';
import { SegmentMembers } from './SegmentMembers';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ExportMenu } from '../transfer/ExportMenu';

/** Loads a saved segment (by id) or starts a new one of a card type. */
export function SegmentEditor(props: { id: string } | { newType: SegmentCardType }) {
  const saved = useCall('segments.get', { id: 'id' in props ? props.id : '' }, { enabled: 'id' in props });
  if ('id' in props) {
    if (saved.isLoading)
      return (
        <Center h={200}>
          <Loader />
        </Center>
      );
    if (!saved.data) return <Alert color="red">{saved.error?.message}</Alert>;
    return <Editor segment={saved.data} />;
  }
  return <Editor segment={{ name: '', cardType: props.newType, query: emptySegmentQuery() }} />;
}

type Draft = Pick<Segment, 'name' | 'cardType' | 'query'> & Partial<Pick<Segment, 'id'>>;

function Editor({ segment }: { segment: Draft }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [name, setName] = useState(segment.name);
  const [query, setQuery] = useState<SegmentQuery>(segment.query);
  const [showMembers, setShowMembers] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [debounced] = useDebouncedValue(query, 350);
  const { cardType } = segment;
  const count = useCall('segments.count', { cardType, query: debounced }, { keepPrevious: true });
  const persons = useCall('criteria.listDefinitions', { cardType: 'person' });
  const institutions = useCall('criteria.listDefinitions', { cardType: 'institution' });
  const criteria: CriteriaByType = {
    person: persons.data?.categories ?? [],
    institution: institutions.data?.categories ?? [],
  };
  const save = useMutate('segments.save');
  const remove = useMutate('segments.delete');
  const dirty = name !== segment.name || JSON.stringify(query) !== JSON.stringify(segment.query);

  const doSave = async () => {
    const result = await save.mutateAsync({ ...(segment.id ? { id: segment.id } : {}), name, cardType, query });
    notifications.show({ color: 'green', message: t('segments.saved', { name: result.name }) });
    if (!segment.id) void navigate(`/segments/${result.id}`, { replace: true });
  };
  const doDelete = async () => {
    await remove.mutateAsync({ id: segment.id! });
    setConfirming(false);
    notifications.show({ message: t('segments.deleted', { name: segment.name }) });
    void navigate('/segments', { replace: true });
  };

  return (
    <>
      <Paper withBorder p="md">
        <Group justify="space-between" align="flex-end" mb="md" wrap="nowrap">
          <Group align="flex-end" gap="sm" style={{ flex: 1 }} wrap="nowrap">
            <TextInput
              label={t('segments.name')}
              placeholder={t('segments.namePlaceholder')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              style={{ flex: 1, maxWidth: 520 }}
              data-testid="segment-name"
              error={save.error?.fields?.name}
            />
            <Badge variant="light" size="lg" mb={4}>
              {t(`segments.cardTypes.${cardType}`)}
            </Badge>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" fw={600} data-testid="segment-count" miw={90} ta="right">
              {count.data ? t('segments.count', { count: count.data.count }) : t('segments.counting')}
            </Text>
            <Button
              leftSection={<IconDeviceFloppy size={16} />}
              onClick={() => void doSave().catch(() => undefined)}
              loading={save.isPending}
              disabled={!name.trim() || (!!segment.id && !dirty)}
            >
              {t('segments.save')}
            </Button>
            {segment.id && (
              <Button
                variant="light"
                color="red"
                leftSection={<IconTrash size={16} />}
                onClick={() => setConfirming(true)}
              >
                {t('common.delete')}
              </Button>
            )}
          </Group>
        </Group>
        <GroupEditor node={query} cardType={cardType} criteria={criteria} onChange={setQuery} depth={0} />
        {count.error && (
          <Alert color="orange" variant="light" mt="sm" data-testid="segment-error">
            {count.error.message}
          </Alert>
        )}
      </Paper>
      <Group>
        <Button
          variant="default"
          leftSection={<IconList size={16} />}
          onClick={() => setShowMembers((v) => !v)}
          data-testid="segment-show-members"
        >
          {showMembers ? t('segments.hideMembers') : t('segments.showMembers')}
        </Button>
        {segment.id && (
          <ExportMenu
            cardType={cardType}
            filter={{ segmentId: segment.id }}
            disabled={dirty}
            disabledReason={t('segments.exportSaveFirst')}
          />
        )}
      </Group>
      {showMembers && !count.error && <SegmentMembers cardType={cardType} query={debounced} />}
      <ConfirmDialog
        opened={confirming}
        title={t('common.delete')}
        message={t('segments.confirmDelete', { name: segment.name })}
        onConfirm={() => void doDelete().catch(() => undefined)}
        onClose={() => setConfirming(false)}
        loading={remove.isPending}
      />
    </>
  );
}
