import { Anchor, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MailDetail } from '../../../src-shared/contract/mail';
import { documentIcon, formatSize } from '../documents/document-files';
import { documentPath } from '../documents/document-paths';

/** A mail's files: stored as documents, so each opens in the document viewer like any other file. */
export function MailAttachments({ attachments }: { attachments: MailDetail['attachments'] }) {
  const { t, i18n } = useTranslation();
  if (attachments.length === 0) return null;
  return (
    <Stack gap={4} data-testid="mail-attachments">
      <Text size="sm" fw={600}>
        {t('mail.reader.attachments', { count: attachments.length })}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs">
        {attachments.map((file) => {
          const type = file.contentType ?? 'application/octet-stream';
          const { icon: Icon, color } = documentIcon(type);
          return (
            <Paper key={file.documentId} withBorder radius="md" px="sm" py={6}>
              <Group gap="sm" wrap="nowrap">
                <ThemeIcon variant="light" color={color} radius="md">
                  <Icon size={18} />
                </ThemeIcon>
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Anchor component={Link} to={documentPath(file.documentId)} size="sm" fw={500} truncate>
                    {file.fileName}
                  </Anchor>
                  <Text size="xs" c="dimmed" truncate>
                    {formatSize(file.size, i18n.language)}
                    {file.contentType ? ` · ${file.contentType}` : ''}
                  </Text>
                </Stack>
              </Group>
            </Paper>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
