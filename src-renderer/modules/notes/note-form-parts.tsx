import { ActionIcon, Button, FileButton, Group, NumberInput, Select, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconPaperclip, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { NOTE_CHANNELS } from '../../../src-shared/contract/notes';
import { CHANNEL_ICONS } from './note-looks';
import type { NoteFormValues } from './note-form';

type Channel = NoteFormValues['channel'];

/** How the meeting happened, each way with its icon (also in the list, so the icon is learnt). */
export function ChannelSelect(props: { value: Channel; onChange: (value: Channel) => void }) {
  const { t } = useTranslation();
  const Current = CHANNEL_ICONS[props.value];
  return (
    <Select
      label={t('notes.fields.channel')}
      data={NOTE_CHANNELS.map((c) => ({ value: c, label: t(`notes.channels.${c}`) }))}
      value={props.value}
      onChange={(v) => v && props.onChange(v as Channel)}
      allowDeselect={false}
      leftSection={<Current size={16} />}
      renderOption={({ option }) => {
        const Icon = CHANNEL_ICONS[option.value as Channel];
        return (
          <Group gap="xs" wrap="nowrap">
            <Icon size={16} />
            {option.label}
          </Group>
        );
      }}
      data-testid="note-channel"
    />
  );
}

const QUICK_DURATIONS = [15, 30, 60];

/** Minutes, typed or picked from the usual lengths. */
export function DurationField(props: {
  value: number | null;
  onChange: (value: number | null) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <NumberInput
        label={t('notes.fields.duration')}
        value={props.value ?? ''}
        onChange={(v) => props.onChange(typeof v === 'number' ? v : null)}
        min={0}
        max={24 * 60}
        step={5}
        allowDecimal={false}
        allowNegative={false}
        error={props.error}
        w={110}
      />
      {/* Aligned with the box, not with its error line. */}
      <Group gap={4} wrap="nowrap" mb={props.error ? 24 : 4}>
        {QUICK_DURATIONS.map((minutes) => (
          <Button
            key={minutes}
            size="compact-sm"
            variant={props.value === minutes ? 'filled' : 'default'}
            onClick={() => props.onChange(minutes)}
          >
            {t('notes.minutes', { count: minutes })}
          </Button>
        ))}
      </Group>
    </Group>
  );
}

/** Files chosen while writing: attached to the note right after it is saved. */
export function QueuedFiles(props: { files: File[]; onChange: (files: File[]) => void; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6}>
      <Group gap="xs">
        <Text size="sm" fw={500}>
          {t('notes.fields.files')}
        </Text>
        <FileButton multiple onChange={(picked) => props.onChange([...props.files, ...picked])}>
          {(button) => (
            <Button
              {...button}
              size="compact-sm"
              variant="light"
              leftSection={<IconPaperclip size={14} />}
              disabled={props.busy}
              data-testid="note-add-files"
            >
              {t('notes.fields.addFiles')}
            </Button>
          )}
        </FileButton>
        {props.files.length > 0 && (
          <Text size="xs" c="dimmed">
            {t('notes.fields.filesQueued')}
          </Text>
        )}
      </Group>
      {props.files.map((file, i) => (
        <Group key={`${file.name}-${i}`} gap="xs" wrap="nowrap" data-testid="note-queued-file">
          <ThemeIcon size="sm" variant="light" color="gray">
            <IconPaperclip size={12} />
          </ThemeIcon>
          <Text size="sm" truncate>
            {file.name}
          </Text>
          <ActionIcon
            size="sm"
            variant="subtle"
            color="gray"
            aria-label={t('notes.detach')}
            disabled={props.busy}
            onClick={() => props.onChange(props.files.filter((_, j) => j !== i))}
          >
            <IconX size={14} />
          </ActionIcon>
        </Group>
      ))}
    </Stack>
  );
}
