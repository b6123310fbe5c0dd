import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, TagsInput, Tooltip } from '@mantine/core';
import { IconCheck, IconPencil, IconTag, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { MAX_DOCUMENT_TAGS, MAX_DOCUMENT_TAG_LENGTH } from '../../../src-shared/contract/documents';
import { uniqueByFold } from '../../../src-shared/domain/tag-spelling';
import { useCall, useMutate } from '../../app/contract-hooks';
import { foldedFilter } from '../../ui/folded-filter';

/**
 * A document's tags as small badges; with `editable`, a pencil (or "Etiket ekle"
 * when there are none) turns them into a tag input with the tags already used on
 * other documents as suggestions.
 */
export function DocumentTags({
  documentId,
  tags,
  editable = false,
}: {
  documentId: string;
  tags: string[];
  editable?: boolean;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  if (editing) return <TagsEditor documentId={documentId} tags={tags} onDone={() => setEditing(false)} />;
  if (tags.length === 0 && !editable) return null;
  return (
    <Group gap={4} data-testid="document-tags">
      {tags.map((tag) => (
        <Badge key={tag} variant="light" color="grape" size="sm" tt="none" leftSection={<IconTag size={10} />}>
          {tag}
        </Badge>
      ))}
      {editable &&
        (tags.length > 0 ? (
          <Tooltip label={t('documents.filing.tags.edit')}>
            <ActionIcon
              variant="subtle"
              size="xs"
              color="gray"
              aria-label={t('documents.filing.tags.edit')}
              data-testid="document-tags-edit"
              onClick={() => setEditing(true)}
            >
              <IconPencil size={12} />
            </ActionIcon>
          </Tooltip>
        ) : (
          <Button
            variant="subtle"
            size="compact-xs"
            color="gray"
            // Lined up with the name above it rather than with the button's padding.
            px={4}
            ml={-4}
            leftSection={<IconTag size={12} />}
            data-testid="document-tags-edit"
            onClick={() => setEditing(true)}
          >
            {t('documents.filing.tags.add')}
          </Button>
        ))}
    </Group>
  );
}

function TagsEditor({ documentId, tags, onDone }: { documentId: string; tags: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const known = useCall('documents.tags', {});
  const save = useMutate('documents.setTags');
  const [value, setValue] = useState(tags);
  const [typing, setTyping] = useState('');

  const submit = async () => {
    // A tag typed but not yet confirmed with Enter is still meant.
    const all = uniqueByFold([...value, typing]);
    try {
      await save.mutateAsync({ id: documentId, tags: all });
      onDone();
    } catch {
      // The mutation already showed main's message; the editor stays open to fix it.
    }
  };

  return (
    <Group gap={6} align="center" wrap="nowrap" maw={560} data-testid="document-tags-editor">
      <TagsInput
        aria-label={t('documents.filing.tags.label')}
        placeholder={t('documents.filing.tags.placeholder')}
        data={(known.data?.tags ?? []).map((x) => x.tag)}
        value={value}
        onChange={(v) => setValue(uniqueByFold(v))}
        searchValue={typing}
        onSearchChange={setTyping}
        filter={foldedFilter}
        maxTags={MAX_DOCUMENT_TAGS}
        maxLength={MAX_DOCUMENT_TAG_LENGTH}
        clearable
        autoFocus
        size="xs"
        style={{ flex: 1, minWidth: 260 }}
        data-testid="document-tags-input"
        onKeyDown={(e) => {
          if (e.key === 'Escape') onDone();
        }}
        title={t('documents.filing.tags.limit', { max: MAX_DOCUMENT_TAGS, length: MAX_DOCUMENT_TAG_LENGTH })}
      />
      <Tooltip label={t('common.save')}>
        <ActionIcon
          variant="filled"
          aria-label={t('common.save')}
          loading={save.isPending}
          data-testid="document-tags-save"
          onClick={() => void submit()}
        >
          <IconCheck size={16} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={t('common.cancel')}>
        <ActionIcon variant="default" aria-label={t('common.cancel')} onClick={onDone}>
          <IconX size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
