import { useState } from 'react';
import { ActionIcon, Button, Group, Input, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconSquare, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** A new task's checklist lines, typed one by one (Enter adds the line, as in any list). */
export function ChecklistDraft(props: {
  lines: string[];
  onChange: (lines: string[]) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const add = () => {
    const line = text.trim();
    if (!line) return;
    props.onChange([...props.lines, line]);
    setText('');
  };
  return (
    <Input.Wrapper label={t('tasks.fields.checklist')} error={props.error}>
      <Stack gap={4} mt={4}>
        {props.lines.map((line, i) => (
          <Group key={`${line}-${i}`} gap="xs" wrap="nowrap" data-testid="task-draft-line">
            <IconSquare size={14} color="var(--mantine-color-gray-5)" />
            <Text size="sm" style={{ flex: 1 }}>
              {line}
            </Text>
            <ActionIcon
              size="sm"
              variant="subtle"
              color="gray"
              aria-label={`${t('tasks.fields.removeLine')}: ${line}`}
              onClick={() => props.onChange(props.lines.filter((_, j) => j !== i))}
            >
              <IconX size={14} />
            </ActionIcon>
          </Group>
        ))}
        <Group gap="xs" wrap="nowrap">
          <TextInput
            style={{ flex: 1 }}
            size="sm"
            placeholder={t('tasks.fields.checklistPlaceholder')}
            value={text}
            maxLength={500}
            onChange={(event) => setText(event.currentTarget.value)}
            onKeyDown={(event) => {
              // Enter adds the line here; it must not submit the whole form.
              if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
                event.preventDefault();
                add();
              }
            }}
            aria-label={t('tasks.fields.checklistPlaceholder')}
            data-testid="task-draft-input"
          />
          <Button size="sm" variant="light" leftSection={<IconPlus size={14} />} onClick={add} disabled={!text.trim()}>
            {t('tasks.fields.addLine')}
          </Button>
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}
