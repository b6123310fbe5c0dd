import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, TagsInput, Tooltip } from '@mantine/core';
import { IconCheck, IconPencil, IconTag, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { MAX_TAGS_PER_CARD, MAX_TAG_LENGTH } from '../../../src-shared/contract/criteria';
import { foldForSearch } from '../../../src-shared/domain/turkish-text';
import { useCall, useMutate } from '../../app/contract-hooks';
import { foldedFilter } from '../../ui/folded-filter';

/** One tag per folded spelling, as main keeps them: "vip" after "VIP" is the same tag. */
function dedupe(tags: string[]): string[] {
  const seen = new Set<string>();
  return tags.filter((tag) => {
    const folded = foldForSearch(tag);
    if (!folded || seen.has(folded)) return false;
    seen.add(folded);
    return true;
  });
}

/** The card's tags, shown (and edited) under its name. */
export function TagsLine({ cardId, readOnly }: { cardId: string; readOnly: boolean }) {
  const { t } = useTranslation();
  const { data } = useCall('criteria.getTags', { cardId });
  const [editing, setEditing] = useState(false);
  const tags = data?.tags ?? [];
  if (!data) return null;
  if (editing) return <TagsEditor cardId={cardId} tags={tags} onDone={() => setEditing(false)} />;
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

function TagsEditor({ cardId, tags, onDone }: { cardId: string; tags: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const known = useCall('criteria.listTags', {});
  const save = useMutate('criteria.setTags');
  const [value, setValue] = useState(tags);
  const [typing, setTyping] = useState('');

  const submit = async () => {
    // A tag typed but not yet confirmed with Enter is still meant.
    const all = dedupe([...value, typing.trim()]);
    try {
      await save.mutateAsync({ cardId, tags: all });
      onDone();
    } catch {
      // The mutation already showed main's message; the editor stays open to fix it.
    }
  };

  return (
    <Group gap={6} align="center" wrap="nowrap" maw={640}>
      <TagsInput
        aria-label={t('criteria.tags.label')}
        placeholder={t('criteria.tags.placeholder')}
        data={(known.data?.tags ?? []).map((x) => x.tag)}
        value={value}
        onChange={(v) => setValue(dedupe(v))}
        searchValue={typing}
        onSearchChange={setTyping}
        filter={foldedFilter}
        maxTags={MAX_TAGS_PER_CARD}
        maxLength={MAX_TAG_LENGTH}
        clearable
        autoFocus
        size="xs"
        style={{ flex: 1, minWidth: 320 }}
        data-testid="tags-input"
        onKeyDown={(e) => {
          if (e.key === 'Escape') onDone();
        }}
        title={t('criteria.tags.limit', { max: MAX_TAGS_PER_CARD, length: MAX_TAG_LENGTH })}
      />
      <Tooltip label={t('common.save')}>
        <ActionIcon
          variant="filled"
          aria-label={t('common.save')}
          loading={save.isPending}
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
