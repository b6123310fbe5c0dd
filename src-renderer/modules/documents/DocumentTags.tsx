import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, Tooltip } from '@mantine/core';
import { IconPencil, IconTag } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { MAX_DOCUMENT_TAGS, MAX_DOCUMENT_TAG_LENGTH } from '../../../src-shared/contract/documents';
import { useCall, useMutate } from '../../app/contract-hooks';
import { TagsEditor } from '../../ui/TagsEditor';

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
  if (editing) return <DocumentTagsEditor documentId={documentId} tags={tags} onDone={() => setEditing(false)} />;
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

function DocumentTagsEditor({ documentId, tags, onDone }: { documentId: string; tags: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const known = useCall('documents.tags', {});
  const save = useMutate('documents.setTags');
  return (
    <TagsEditor
      tags={tags}
      suggestions={(known.data?.tags ?? []).map((x) => x.tag)}
      save={(next) => save.mutateAsync({ id: documentId, tags: next })}
      saving={save.isPending}
      onDone={onDone}
      maxTags={MAX_DOCUMENT_TAGS}
      maxLength={MAX_DOCUMENT_TAG_LENGTH}
      label={t('documents.filing.tags.label')}
      placeholder={t('documents.filing.tags.placeholder')}
      limits={t('documents.filing.tags.limit', { max: MAX_DOCUMENT_TAGS, length: MAX_DOCUMENT_TAG_LENGTH })}
      testId="document-tags"
      width={{ max: 560, min: 260 }}
    />
  );
}
