import type { ReactNode } from 'react';
import { Button, Group, Switch, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { ExportFilter } from '../../../src-shared/contract/transfer';
import { ExportMenu } from '../transfer/ExportMenu';

export interface ListToolbarProps {
  title: string;
  total: number | null;
  query: string;
  onQuery: (q: string) => void;
  deleted: boolean;
  onDeleted: (deleted: boolean) => void;
  newLabel: string;
  onNew: () => void;
  /** Extra filters (e.g. institution kind). */
  children?: ReactNode;
  /** The list's filters beyond the search box (kind, segment …), so "Dışa aktar" writes what the list shows. */
  exportFilter?: Omit<ExportFilter, 'q'>;
}

/** The heading and filter row above a card list. */
export function ListToolbar(props: ListToolbarProps) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const cardType = pathname.startsWith('/institutions')
    ? 'institution'
    : pathname.startsWith('/persons')
      ? 'person'
      : null;
  return (
    <Group justify="space-between" mb="sm" wrap="nowrap" align="flex-end">
      <Group align="baseline" gap="sm" wrap="nowrap">
        <Title order={2}>{props.title}</Title>
        {props.total !== null && (
          <Text c="dimmed" size="sm" data-testid="list-total">
            {t('common.records', { count: props.total })}
          </Text>
        )}
      </Group>
      <Group gap="sm" wrap="nowrap">
        <TextInput
          aria-label={t('common.filter')}
          placeholder={t('common.filter')}
          leftSection={<IconSearch size={16} />}
          value={props.query}
          onChange={(e) => props.onQuery(e.currentTarget.value)}
          w={280}
          data-testid="list-filter"
        />
        {props.children}
        <Switch
          label={t('common.recycleBin')}
          checked={props.deleted}
          onChange={(e) => props.onDeleted(e.currentTarget.checked)}
        />
        {cardType && (
          <ExportMenu
            cardType={cardType}
            filter={{ q: props.query.trim() || undefined, ...props.exportFilter }}
            disabled={props.deleted}
            disabledReason={t('transfer.export.binDisabled')}
          />
        )}
        <Button leftSection={<IconPlus size={16} />} onClick={props.onNew}>
          {props.newLabel}
        </Button>
      </Group>
    </Group>
  );
}
