import { useState } from 'react';
import { Alert, Anchor, Button, Center, Group, Loader, Paper, Radio, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconGitMerge, IconUsersMinus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Comparison } from '../../../src-shared/contract/duplicates';
import { maskTckn } from '../../../src-shared/domain/tr-identifiers';
import { useCall, useMutate } from '../../app/contract-hooks';
import { formatDate, formatIsoDate } from '../../ui/format';
import { cardPath } from '../cards/card-paths';
import { CombinedLists } from './CombinedLists';
import { ReasonBadges } from './ReasonBadges';
import { useMergeActions } from './useMergeActions';
import {
  defaultPick,
  defaultSurvivor,
  differs,
  mergeInput,
  type ComparedField,
  type Pick,
  type Side,
} from './merge-choices';

const SIDES: Side[] = ['first', 'second'];
/** The column of the card that stays is tinted, so the choice is visible down the whole table. */
const KEPT = 'var(--mantine-color-blue-light)';

/** Two cards side by side: which one stays, which value each differing field keeps; merge or dismiss. */
export function MergeView(props: { firstId: string; secondId: string; onDone: () => void }) {
  const { data, error, isLoading } = useCall('duplicates.compare', {
    firstId: props.firstId,
    secondId: props.secondId,
  });
  if (isLoading)
    return (
      <Center h={200}>
        <Loader />
      </Center>
    );
  if (error || !data)
    return (
      <Alert color="red" data-testid="compare-error">
        {error?.message}
      </Alert>
    );
  // Fresh choices per pair: a pick made for one pair must never carry over to the next.
  return <Chooser key={`${props.firstId}|${props.secondId}`} comparison={data} onDone={props.onDone} />;
}

function Chooser({ comparison, onDone }: { comparison: Comparison; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { first, second, fields } = comparison;
  const [survivor, setSurvivor] = useState<Side>(() =>
    defaultSurvivor(fields, comparison.counts, { first: first.createdAt, second: second.createdAt }),
  );
  const [picks, setPicks] = useState<Record<string, Pick>>({});
  const { mergeCards, merging } = useMergeActions();
  const dismiss = useMutate('duplicates.dismiss');
  const undismiss = useMutate('duplicates.undismiss');
  const cards = { first, second };
  const shown = fields.filter((f) => f.first || f.second);
  const pickOf = (f: ComparedField) => picks[f.field] ?? defaultPick(f, survivor);

  const show = (f: ComparedField, value: string | null) => {
    if (!value)
      return (
        <Text size="sm" c="dimmed" fs="italic">
          {t('duplicates.compare.empty')}
        </Text>
      );
    const text =
      f.field === 'gender'
        ? t(`cards.genders.${value}`)
        : f.field === 'birthDate'
          ? formatIsoDate(value, i18n.language)
          : f.field === 'tckn'
            ? maskTckn(value)
            : value;
    return (
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lineClamp={f.field === 'notes' ? 4 : undefined}>
        {text}
      </Text>
    );
  };

  const doMerge = async () => {
    await mergeCards(mergeInput({ first: first.id, second: second.id }, survivor, fields, picks));
    onDone();
  };
  const doDismiss = async () => {
    const pair = { firstId: first.id, secondId: second.id };
    await dismiss.mutateAsync(pair);
    const toast = notifications.show({
      message: (
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm">{t('duplicates.dismissedToast')}</Text>
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => {
              notifications.hide(toast);
              void undismiss.mutateAsync(pair).catch(() => undefined);
            }}
          >
            {t('common.undo')}
          </Button>
        </Group>
      ),
    });
    onDone();
  };

  return (
    <Stack gap="md" data-testid="compare">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Anchor component="button" type="button" size="sm" onClick={onDone}>
            <Group gap={4}>
              <IconArrowLeft size={14} />
              {t('duplicates.compare.back')}
            </Group>
          </Anchor>
          <Title order={3}>{t('duplicates.compare.title')}</Title>
          <ReasonBadges reasons={comparison.reasons} />
        </Stack>
      </Group>
      <Paper withBorder>
        <Table layout="fixed" verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={180}>{t('duplicates.compare.survivor')}</Table.Th>
              {SIDES.map((side) => (
                <Table.Th key={side} bg={survivor === side ? KEPT : undefined} data-testid={`side-${side}`}>
                  <Stack gap={4}>
                    <Anchor component={Link} to={cardPath(comparison.type, cards[side].id)} fw={600}>
                      {cards[side].displayName}
                    </Anchor>
                    <Text size="xs" c="dimmed" fw={400}>
                      {t('duplicates.compare.created', { date: formatDate(cards[side].createdAt, i18n.language) })}
                    </Text>
                    <Radio
                      name="survivor"
                      label={t('duplicates.compare.keepThis')}
                      checked={survivor === side}
                      onChange={() => setSurvivor(side)}
                      data-testid={`keep-${side}`}
                    />
                  </Stack>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((f) => {
              const choose = differs(f);
              return (
                <Table.Tr key={f.field} data-testid={`field-${f.field}`}>
                  <Table.Td c="dimmed" style={{ verticalAlign: 'top' }}>
                    <Text size="sm">{t(`cards.fields.${f.field}`)}</Text>
                    {choose && f.field === 'notes' && f.first && f.second && (
                      <Radio
                        mt={6}
                        size="xs"
                        name={`pick-${f.field}`}
                        label={t('duplicates.compare.both')}
                        checked={pickOf(f) === 'both'}
                        onChange={() => setPicks({ ...picks, [f.field]: 'both' })}
                      />
                    )}
                  </Table.Td>
                  {SIDES.map((side) => (
                    <Table.Td key={side} style={{ verticalAlign: 'top' }} bg={survivor === side ? KEPT : undefined}>
                      {choose ? (
                        <Radio
                          name={`pick-${f.field}`}
                          checked={pickOf(f) === side}
                          onChange={() => setPicks({ ...picks, [f.field]: side })}
                          label={show(f, f[side])}
                          aria-label={`${t(`cards.fields.${f.field}`)}: ${f[side] ?? t('duplicates.compare.empty')}`}
                        />
                      ) : (
                        show(f, f[side])
                      )}
                    </Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Paper>
      <Paper withBorder>
        <Text size="sm" fw={500} px="md" pt="sm">
          {t('duplicates.compare.lists')}
        </Text>
        <Text size="xs" c="dimmed" px="md">
          {t('duplicates.compare.listsHint')}
        </Text>
        <CombinedLists comparison={comparison} />
      </Paper>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('duplicates.compare.survivorHint')}
        </Text>
        <Group gap="sm">
          <Button
            variant="default"
            leftSection={<IconUsersMinus size={16} />}
            onClick={() => void doDismiss().catch(() => undefined)}
            loading={dismiss.isPending}
            title={t('duplicates.compare.dismissHint')}
          >
            {t('duplicates.compare.dismiss')}
          </Button>
          <Button
            leftSection={<IconGitMerge size={16} />}
            onClick={() => void doMerge().catch(() => undefined)}
            loading={merging}
          >
            {t('duplicates.compare.merge')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
