import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, Tooltip } from '@mantine/core';
import { IconPencil, IconTag } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { MAX_TAGS_PER_CARD, MAX_TAG_LENGTH } from '../../../src-shared/contract/criteria';
import { useCall, useMutate } from '../../app/contract-hooks';
import { TagsEditor } from '../../ui/TagsEditor';

/** The card's tags, shown (and edited) under its name. */
export function TagsLine({ cardId, readOnly }: { cardId: string; readOnly: boolean }) {
  const { t } = useTranslation();
  const { data } = useCall('criteria.getTags', { cardId });
  const [editing, setEditing] = useState(false);
  const tags = data?.tags ?? [];
  if (!data) return null;
  if (editing) return <CardTagsEditor cardId={cardId} tags={tags} onDone={() => setEditing(false)} />;
  return (
    <Group gap={6} data-testid="card-tags">
      {tags.map((tag) => (
        <Badge key={tag} variant="light" color="grape" tt="none" leftSection={<IconTag size={12} />}>
          {tag}
        </Badge>
      ))}
      {!readOnly &&
        (tags.length ? (
          <Tooltip label={t('criteria.tags.edit')}>
            <ActionIcon
              variant="subtle"
              size="sm"
              aria-label={t('criteria.tags.edit')}
              onClick={() => setEditing(true)}
            >
              <IconPencil size={14} />
            </ActionIcon>
          </Tooltip>
        ) : (
          <Button
            variant="subtle"
            size="compact-xs"
            color="gray"
            // Lined up with the text above it rather than with the button's padding.
            px={4}
            ml={-4}
            leftSection={<IconTag size={12} />}
            onClick={() => setEditing(true)}
          >
            {t('criteria.tags.add')}
          </Button>
        ))}
    </Group>
  );
}

function CardTagsEditor({ cardId, tags, onDone }: { cardId: string; tags: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const known = useCall('criteria.listTags', {});
  const save = useMutate('criteria.setTags');
  return (
    <TagsEditor
      tags={tags}
      suggestions={(known.data?.tags ?? []).map((x) => x.tag)}
      save={(next) => save.mutateAsync({ cardId, tags: next })}
      saving={save.isPending}
      onDone={onDone}
      maxTags={MAX_TAGS_PER_CARD}
      maxLength={MAX_TAG_LENGTH}
      label={t('criteria.tags.label')}
      placeholder={t('criteria.tags.placeholder')}
      limits={t('criteria.tags.limit', { max: MAX_TAGS_PER_CARD, length: MAX_TAG_LENGTH })}
      testId="tags"
    />
  );
}
