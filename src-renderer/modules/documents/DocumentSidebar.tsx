import type { ReactNode } from 'react';
import { ActionIcon, Anchor, Badge, Group, Paper, ScrollArea, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconBuilding, IconDownload, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DocumentDetail } from '../../../src-shared/contract/documents';
import { formatDateTime } from '../../ui/format';
import { cardPath } from '../cards/card-paths';
import { DocumentTags } from './DocumentTags';
import { formatSize } from './document-files';
import { kindKey } from './document-kinds';
import { TextStatusPanel } from './TextStatusPanel';

/** ".docx" from "Teklif.docx": a short type people know (the MIME type is the tooltip). */
const extensionOf = (name: string): string | null => /\.[\p{L}\d]{1,8}$/u.exec(name)?.[0]?.toLowerCase() ?? null;

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Title order={5} mb={6}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** Beside the preview: details, text status, tags, the cards it is filed on and every version. */
export function DocumentSidebar({ doc, onDownload }: { doc: DocumentDetail; onDownload: (version?: number) => void }) {
  const { t, i18n } = useTranslation();
  const current = doc.versions[0]?.version;
  const rows: [string, ReactNode][] = [
    [
      t('documents.page.type'),
      <span key="type" title={doc.mimeType}>
        {t(`documents.kinds.${kindKey(doc.mimeType)}`)}
        {extensionOf(doc.name) && ` (${extensionOf(doc.name)})`}
      </span>,
    ],
    [t('documents.page.size'), formatSize(doc.size, i18n.language)],
    [t('documents.page.filedBy'), doc.createdByName ?? t('common.none')],
    [t('documents.page.filedAt'), formatDateTime(doc.createdAt, i18n.language)],
    [t('documents.page.source'), t(`documents.sources.${doc.source}`, { defaultValue: doc.source })],
  ];
  return (
    <ScrollArea w={330} style={{ flexShrink: 0 }} type="auto" data-testid="document-sidebar">
      <Stack gap="sm" pr={4}>
        <Section title={t('documents.page.details')}>
          <Table verticalSpacing={3} withRowBorders={false} layout="fixed">
            <Table.Tbody>
              {rows.map(([label, value]) => (
                <Table.Tr key={label}>
                  <Table.Td c="dimmed" w={90} fz="sm" px={0} style={{ verticalAlign: 'top' }}>
                    {label}
                  </Table.Td>
                  <Table.Td fz="sm" style={{ overflowWrap: 'anywhere' }}>
                    {value}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Section>
        <Section title={t('documents.page.text')}>
          <TextStatusPanel doc={doc} readOnly={doc.deleted} />
        </Section>
        <Section title={t('documents.page.tags')}>
          <DocumentTags documentId={doc.id} tags={doc.tags} editable={!doc.deleted} />
        </Section>
        <Section title={t('documents.page.cards')} testId="document-cards">
          {doc.cards.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('documents.page.noCards')}
            </Text>
          ) : (
            <Stack gap={4}>
              {doc.cards.map((card) => {
                const CardIcon = card.type === 'person' ? IconUser : IconBuilding;
                return (
                  <Group key={card.id} gap={6} wrap="nowrap">
                    <CardIcon size={16} color="var(--mantine-color-dimmed)" />
                    <Anchor component={Link} to={cardPath(card.type, card.id)} size="sm">
                      {card.displayName}
                    </Anchor>
                  </Group>
                );
              })}
            </Stack>
          )}
        </Section>
        <Section title={t('documents.page.versions')} testId="document-version-list">
          <Stack gap={8}>
            {doc.versions.map((version) => (
              <Group
                key={version.version}
                justify="space-between"
                wrap="nowrap"
                gap="xs"
                data-testid="document-version"
              >
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" fw={500}>
                      {t('documents.page.version', { version: version.version })}
                    </Text>
                    {version.version === current && (
                      <Badge size="xs" variant="light">
                        {t('documents.page.current')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" truncate title={version.name}>
                    {version.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatSize(version.size, i18n.language)} · {version.createdByName ?? t('common.none')} ·{' '}
                    {formatDateTime(version.createdAt, i18n.language)}
                  </Text>
                </Stack>
                <Tooltip label={t('documents.page.downloadVersion')} withArrow>
                  <ActionIcon
                    variant="subtle"
                    aria-label={`${t('documents.page.downloadVersion')} (${version.version})`}
                    onClick={() => onDownload(version.version)}
                  >
                    <IconDownload size={18} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            ))}
          </Stack>
        </Section>
      </Stack>
    </ScrollArea>
  );
}
