import { Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { turkishSortKey } from '../../../src-shared/domain/turkish-text';
import { useCall, useMutate } from '../../app/contract-hooks';
import { formatDateTime } from '../../ui/format';
import { AdminListPage } from './AdminListPage';
import { TemplateForm, type TemplateValues } from './TemplateForm';

const NEW: TemplateValues = { name: '', channel: 'email', subject: '', body: '' };

/** Settings: ready-made texts for mail and SMS with placeholders. */
export function TemplatesPage() {
  const { t, i18n } = useTranslation();
  const { data, error, isLoading } = useCall('mail.templates.list', {});
  const remove = useMutate('mail.templates.remove');
  const templates = [...(data ?? [])].sort((a, b) => turkishSortKey(a.name).localeCompare(turkishSortKey(b.name)));
  return (
    <AdminListPage
      texts={{
        title: t('mailings.templates.title'),
        intro: t('mailings.templates.intro'),
        add: t('mailings.templates.add'),
        edit: t('mailings.templates.edit'),
        empty: t('mailings.templates.empty'),
        removeTitle: t('mailings.templates.removeTitle'),
        removeMessage: (name) => t('mailings.templates.removeMessage', { name }),
        removed: t('mailings.templates.removed'),
      }}
      testIds={{ new: 'template-new', table: 'templates-table', row: 'template-row', editor: 'template-editor' }}
      canEdit
      rows={templates}
      error={error}
      isLoading={isLoading}
      newValues={NEW}
      startOf={(tpl) => ({ name: tpl.name, channel: tpl.channel, subject: tpl.subject, body: tpl.body })}
      cells={(tpl) => (
        <>
          <Table.Td>
            <Group gap="xs">
              <Text fw={500} size="sm">
                {tpl.name}
              </Text>
              <Badge variant="light" color={tpl.channel === 'sms' ? 'teal' : 'blue'} size="sm">
                {t(`mailings.channels.${tpl.channel}`)}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed" lineClamp={1}>
              {tpl.channel === 'email' && tpl.subject ? `${tpl.subject} — ` : ''}
              {tpl.body}
            </Text>
          </Table.Td>
          <Table.Td w={170}>
            <Text size="xs" c="dimmed">
              {t('mailings.templates.updated', { at: formatDateTime(tpl.updatedAt, i18n.language) })}
            </Text>
          </Table.Td>
        </>
      )}
      editorSize={760}
      Editor={TemplateForm}
      onRemove={(id) => remove.mutateAsync({ id })}
      removePending={remove.isPending}
    />
  );
}
