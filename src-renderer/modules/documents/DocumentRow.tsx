import { ActionIcon, Anchor, Group, Menu, Stack, Table, Text, ThemeIcon } from '@mantine/core';
import { IconDotsVertical, IconDownload, IconPencil, IconTrash, IconVersions } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DocumentSummary } from '../../../src-shared/contract/documents';
import { formatDateTime } from '../../ui/format';
import { cardPath } from '../cards/card-paths';
import { documentIcon, formatSize } from './document-files';
import { documentPath } from './document-paths';
import { TextStatusBadge } from './TextStatusBadge';
import { DocumentTags } from './DocumentTags';

export interface DocumentActions {
  download: (doc: DocumentSummary) => void;
  newVersion: (doc: DocumentSummary) => void;
  rename: (doc: DocumentSummary) => void;
  detach: (doc: DocumentSummary) => void;
}

/**
 * One filed document: icon by type, name (opens the document page), text status,
 * size, who filed it when, versions, other cards; actions in a menu.
 */
export function DocumentRow({
  doc,
  actions,
  readOnly,
}: {
  doc: DocumentSummary;
  actions: DocumentActions;
  readOnly: boolean;
}) {
  const { t, i18n } = useTranslation();
  const look = documentIcon(doc.mimeType);
  return (
    <Table.Tr data-testid="document-row">
      <Table.Td w={40}>
        <ThemeIcon variant="light" color={look.color} size="lg">
          <look.icon size={20} />
        </ThemeIcon>
      </Table.Td>
      <Table.Td>
        <Stack gap={2}>
          <Group gap={8} wrap="nowrap">
            <Anchor component={Link} to={documentPath(doc.id)} fw={500} data-testid="document-open">
              {doc.name}
            </Anchor>
            <TextStatusBadge status={doc.textStatus} reason={doc.textError} />
          </Group>
          {doc.cards.length > 0 && (
            <Text size="xs" c="dimmed">
              {t('documents.alsoOn')}
              {doc.cards.map((card, i) => (
                <span key={card.id}>
                  {i > 0 && ', '}
                  <Anchor component={Link} to={cardPath(card.type, card.id)} size="xs">
                    {card.displayName}
                  </Anchor>
                </span>
              ))}
            </Text>
          )}
          <DocumentTags documentId={doc.id} tags={doc.tags} editable={!readOnly} />
        </Stack>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatSize(doc.size, i18n.language)}</Table.Td>
      <Table.Td>
        <Text size="sm">
          {t('documents.filedBy', {
            user: doc.createdByName ?? t('common.none'),
            date: formatDateTime(doc.createdAt, i18n.language),
          })}
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }} data-testid="document-versions">
        {t('documents.versions', { count: doc.versionCount })}
      </Table.Td>
      <Table.Td w={90}>
        <Group gap={4} wrap="nowrap" justify="flex-end">
          <ActionIcon variant="subtle" aria-label={t('documents.download')} onClick={() => actions.download(doc)}>
            <IconDownload size={18} />
          </ActionIcon>
          {!readOnly && (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="subtle" aria-label={t('documents.actions')} data-testid="document-menu">
                  <IconDotsVertical size={18} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconVersions size={16} />} onClick={() => actions.newVersion(doc)}>
                  {t('documents.newVersion')}
                </Menu.Item>
                <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => actions.rename(doc)}>
                  {t('documents.rename')}
                </Menu.Item>
                <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => actions.detach(doc)}>
                  {t('documents.detach')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
