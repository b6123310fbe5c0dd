import { useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  CheckIcon,
  ColorSwatch,
  Group,
  Input,
  Modal,
  MultiSelect,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ContractError } from '../../../src-shared/contract';
import {
  CALENDAR_BOOKING,
  CALENDAR_KINDS,
  CALENDAR_VISIBILITIES,
  RESOURCE_KINDS,
  type CalendarKind,
  type CalendarOut,
} from '../../../src-shared/contract/agenda';
import { useCall, useMutate } from '../../app/contract-hooks';
import { foldedFilter } from '../../ui/folded-filter';
import { CALENDAR_SWATCHES, KIND_ICONS } from './calendar-looks';

interface Draft {
  name: string;
  kind: CalendarKind;
  color: string;
  visibility: (typeof CALENDAR_VISIBILITIES)[number];
  booking: (typeof CALENDAR_BOOKING)[number];
  description: string;
  members: { userId: string; canBook: boolean }[];
}

const draftOf = (c: CalendarOut | null): Draft =>
  c
    ? {
        name: c.name,
        kind: c.kind,
        color: c.color,
        visibility: c.visibility,
        booking: c.booking,
        description: c.description ?? '',
        members: c.members.map((m) => ({ userId: m.user.id, canBook: m.canBook })),
      }
    : {
        name: '',
        kind: 'room',
        color: CALENDAR_SWATCHES[0]!,
        visibility: 'everyone',
        booking: 'everyone',
        description: '',
        members: [],
      };

/** Adding or changing a calendar: what it is for, its colour, who sees it and who may book in it. */
export function CalendarFormModal(props: { calendar: CalendarOut | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.calendar ? t('agenda.admin.editTitle') : t('agenda.admin.newTitle')}
      size="lg"
      centered
    >
      {props.opened && <CalendarForm calendar={props.calendar} onClose={props.onClose} />}
    </Modal>
  );
}

function CalendarForm({ calendar, onClose }: { calendar: CalendarOut | null; onClose: () => void }) {
  const { t } = useTranslation();
  const users = useCall('users.list', {});
  const save = useMutate('agenda.saveCalendar');
  const [draft, setDraft] = useState<Draft>(() => draftOf(calendar));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const userName = new Map((users.data?.users ?? []).map((u) => [u.id, u.name]));
  for (const m of calendar?.members ?? []) userName.set(m.user.id, m.user.name);

  const submit = async () => {
    setErrors({});
    try {
      const saved = await save.mutateAsync({ ...draft, ...(calendar ? { id: calendar.id } : {}) });
      notifications.show({ color: 'green', message: t('agenda.admin.saved', { name: saved.name }) });
      onClose();
    } catch (error) {
      if (error instanceof ContractError && error.fields)
        setErrors(Object.fromEntries(Object.entries(error.fields).map(([p, m]) => [p.split('.')[0] ?? p, m])));
    }
  };

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack gap="sm">
        <SimpleGrid cols={2} spacing="sm">
          <TextInput
            data-autofocus
            label={t('agenda.admin.name')}
            placeholder={t('agenda.admin.namePlaceholder')}
            withAsterisk
            maxLength={100}
            value={draft.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={errors.name}
            data-testid="calendar-name"
          />
          <Select
            label={t('agenda.admin.kind')}
            data={CALENDAR_KINDS.map((k) => ({ value: k, label: t(`agenda.kinds.${k}`) }))}
            value={draft.kind}
            onChange={(v) => v && set('kind', v as CalendarKind)}
            allowDeselect={false}
            leftSection={(() => {
              const Icon = KIND_ICONS[draft.kind];
              return <Icon size={16} />;
            })()}
            renderOption={({ option }) => {
              const Icon = KIND_ICONS[option.value as CalendarKind];
              return (
                <Group gap="xs" wrap="nowrap">
                  <Icon size={16} />
                  {option.label}
                </Group>
              );
            }}
            error={errors.kind}
            data-testid="calendar-kind"
          />
        </SimpleGrid>
        {RESOURCE_KINDS.includes(draft.kind) && (
          <Alert color="blue" variant="light" py={6}>
            <Text size="sm">{t('agenda.admin.resourceHint')}</Text>
          </Alert>
        )}
        <Input.Wrapper label={t('agenda.admin.color')} error={errors.color}>
          <Group gap={6} mt={4}>
            {CALENDAR_SWATCHES.map((color) => (
              <ColorSwatch
                key={color}
                component="button"
                type="button"
                color={color}
                size={28}
                onClick={() => set('color', color)}
                aria-label={color}
                aria-pressed={draft.color === color}
                style={{ cursor: 'pointer', color: '#fff' }}
              >
                {draft.color === color && <CheckIcon size={12} />}
              </ColorSwatch>
            ))}
          </Group>
        </Input.Wrapper>
        <Textarea
          label={t('agenda.admin.description')}
          autosize
          minRows={1}
          maxRows={4}
          maxLength={1000}
          value={draft.description}
          onChange={(e) => set('description', e.currentTarget.value)}
          error={errors.description}
        />
        <SimpleGrid cols={2} spacing="sm">
          <Input.Wrapper label={t('agenda.admin.visibility')}>
            <SegmentedControl
              fullWidth
              mt={4}
              value={draft.visibility}
              onChange={(v) => set('visibility', v as Draft['visibility'])}
              data={CALENDAR_VISIBILITIES.map((v) => ({ value: v, label: t(`agenda.admin.visibilities.${v}`) }))}
            />
          </Input.Wrapper>
          <Input.Wrapper label={t('agenda.admin.booking')}>
            <SegmentedControl
              fullWidth
              mt={4}
              value={draft.booking}
              onChange={(v) => set('booking', v as Draft['booking'])}
              data={CALENDAR_BOOKING.map((v) => ({ value: v, label: t(`agenda.admin.bookings.${v}`) }))}
            />
          </Input.Wrapper>
        </SimpleGrid>
        <MultiSelect
          label={t('agenda.admin.members')}
          description={t('agenda.admin.membersHint')}
          data={(users.data?.users ?? []).map((u) => ({ value: u.id, label: u.name }))}
          value={draft.members.map((m) => m.userId)}
          onChange={(ids) =>
            set(
              'members',
              ids.map((userId) => draft.members.find((m) => m.userId === userId) ?? { userId, canBook: true }),
            )
          }
          searchable
          filter={foldedFilter}
          error={errors.members}
          data-testid="calendar-members"
        />
        {draft.members.length > 0 && (
          <Stack gap={4} pl="xs">
            {draft.members.map((m) => (
              <Checkbox
                key={m.userId}
                size="xs"
                label={t('agenda.admin.memberCanBook', { name: userName.get(m.userId) ?? m.userId })}
                checked={m.canBook}
                onChange={(e) =>
                  set(
                    'members',
                    draft.members.map((x) => (x.userId === m.userId ? { ...x, canBook: e.currentTarget.checked } : x)),
                  )
                }
              />
            ))}
          </Stack>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="calendar-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
