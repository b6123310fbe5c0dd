import { useState } from 'react';
import { ActionIcon, Group, TagsInput, Tooltip } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { uniqueByFold } from '../../src-shared/domain/tag-spelling';
import { foldedFilter } from './folded-filter';

export interface TagsEditorProps {
  tags: string[];
  /** Tags already in use, offered as the user types (matched Turkish-folded). */
  suggestions: string[];
  /** Saves the edited tags; throwing (main refused them) keeps the editor open. */
  save: (tags: string[]) => Promise<unknown>;
  saving: boolean;
  onDone: () => void;
  maxTags: number;
  maxLength: number;
  label: string;
  placeholder: string;
  /** The limits in words, as the input's tooltip. */
  limits: string;
  testId: string;
  width?: { max: number; min: number };
}

/**
 * Inline tag editing for cards and documents: one tag per folded spelling (as main
 * keeps them), Enter adds, Escape cancels, the tick saves.
 */
export function TagsEditor(props: TagsEditorProps) {
  const { t } = useTranslation();
  const [value, setValue] = useState(props.tags);
  const [typing, setTyping] = useState('');
  const width = props.width ?? { max: 640, min: 320 };

  const submit = async () => {
    try {
      // A tag typed but not yet confirmed with Enter is still meant.
      await props.save(uniqueByFold([...value, typing]));
      props.onDone();
    } catch {
      // The mutation already showed main's message; the editor stays open to fix it.
    }
  };

  return (
    <Group gap={6} align="center" wrap="nowrap" maw={width.max} data-testid={`${props.testId}-editor`}>
      <TagsInput
        aria-label={props.label}
        placeholder={props.placeholder}
        data={props.suggestions}
        value={value}
        onChange={(v) => setValue(uniqueByFold(v))}
        searchValue={typing}
        onSearchChange={setTyping}
        filter={foldedFilter}
        maxTags={props.maxTags}
        maxLength={props.maxLength}
        clearable
        autoFocus
        size="xs"
        style={{ flex: 1, minWidth: width.min }}
        data-testid={`${props.testId}-input`}
        onKeyDown={(e) => {
          if (e.key === 'Escape') props.onDone();
        }}
        title={props.limits}
      />
      <Tooltip label={t('common.save')}>
        <ActionIcon
          variant="filled"
          aria-label={t('common.save')}
          loading={props.saving}
          data-testid={`${props.testId}-save`}
          onClick={() => void submit()}
        >
          <IconCheck size={16} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={t('common.cancel')}>
        <ActionIcon variant="default" aria-label={t('common.cancel')} onClick={props.onDone}>
          <IconX size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
