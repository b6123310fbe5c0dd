import { forwardRef, useState } from 'react';
import { ActionIcon, Group, Loader, Text, TextInput, Tooltip } from '@mantine/core';
import {
  IconArrowAutofitWidth,
  IconChevronDown,
  IconChevronLeft,
  IconChevronRight,
  IconChevronUp,
  IconSearch,
  IconZoomIn,
  IconZoomOut,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export interface FindState {
  query: string;
  setQuery: (query: string) => void;
  searching: boolean;
  total: number;
  /** 0-based, null when nothing is selected. */
  selected: number | null;
  next: () => void;
  previous: () => void;
}

/** Page number, zoom and find-in-document above the pages. */
export const PdfToolbar = forwardRef<
  HTMLInputElement,
  {
    page: number;
    pageCount: number;
    onPage: (page: number) => void;
    zoom: number;
    fitting: boolean;
    onZoomIn: () => void;
    onZoomOut: () => void;
    onFitWidth: () => void;
    find: FindState;
  }
>(function PdfToolbar(props, findRef) {
  const { t, i18n } = useTranslation();
  const { find } = props;
  const percent = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'tr-TR', { style: 'percent' }).format(
    props.zoom,
  );
  return (
    <Group justify="space-between" gap="xs" wrap="wrap" data-testid="pdf-toolbar">
      <Group gap={4} wrap="nowrap">
        <ActionIcon
          variant="subtle"
          aria-label={t('documents.viewer.previousPage')}
          disabled={props.page <= 1}
          onClick={() => props.onPage(props.page - 1)}
        >
          <IconChevronLeft size={18} />
        </ActionIcon>
        <Text size="sm">{t('documents.viewer.pageLabel')}</Text>
        <PageInput page={props.page} pageCount={props.pageCount} onPage={props.onPage} />
        <Text size="sm" c="dimmed" data-testid="pdf-page-count">
          {t('documents.viewer.pageOf', { count: props.pageCount })}
        </Text>
        <ActionIcon
          variant="subtle"
          aria-label={t('documents.viewer.nextPage')}
          disabled={props.page >= props.pageCount}
          onClick={() => props.onPage(props.page + 1)}
        >
          <IconChevronRight size={18} />
        </ActionIcon>
      </Group>
      <Group gap={4} wrap="nowrap">
        <Tooltip label={t('documents.viewer.zoomOut')} withArrow>
          <ActionIcon variant="subtle" aria-label={t('documents.viewer.zoomOut')} onClick={props.onZoomOut}>
            <IconZoomOut size={18} />
          </ActionIcon>
        </Tooltip>
        <Text size="sm" w={52} ta="center" data-testid="pdf-zoom">
          {percent}
        </Text>
        <Tooltip label={t('documents.viewer.zoomIn')} withArrow>
          <ActionIcon variant="subtle" aria-label={t('documents.viewer.zoomIn')} onClick={props.onZoomIn}>
            <IconZoomIn size={18} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={t('documents.viewer.fitWidth')} withArrow>
          <ActionIcon
            variant={props.fitting ? 'light' : 'subtle'}
            aria-label={t('documents.viewer.fitWidth')}
            aria-pressed={props.fitting}
            onClick={props.onFitWidth}
          >
            <IconArrowAutofitWidth size={18} />
          </ActionIcon>
        </Tooltip>
      </Group>
      <Group gap={4} wrap="nowrap">
        <TextInput
          ref={findRef}
          size="xs"
          w={260}
          placeholder={t('documents.viewer.find')}
          aria-label={t('documents.viewer.find')}
          leftSection={<IconSearch size={14} />}
          rightSectionWidth={80}
          rightSection={<FindCount find={find} />}
          value={find.query}
          onChange={(event) => find.setQuery(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              if (event.shiftKey) find.previous();
              else find.next();
            }
          }}
          data-testid="pdf-find"
        />
        <ActionIcon
          variant="subtle"
          aria-label={t('documents.viewer.findPrevious')}
          disabled={find.total === 0}
          onClick={find.previous}
          data-testid="pdf-find-previous"
        >
          <IconChevronUp size={18} />
        </ActionIcon>
        <ActionIcon
          variant="subtle"
          aria-label={t('documents.viewer.findNext')}
          disabled={find.total === 0}
          onClick={find.next}
          data-testid="pdf-find-next"
        >
          <IconChevronDown size={18} />
        </ActionIcon>
      </Group>
    </Group>
  );
});

function FindCount({ find }: { find: FindState }) {
  const { t } = useTranslation();
  if (!find.query.trim()) return null;
  if (find.searching) return <Loader size={12} aria-label={t('documents.viewer.findSearching')} />;
  return (
    <Text
      size="xs"
      c={find.total === 0 ? 'red' : 'dimmed'}
      data-testid="pdf-find-count"
      style={{ whiteSpace: 'nowrap' }}
    >
      {find.total === 0
        ? t('documents.viewer.findNone')
        : t('documents.viewer.findCount', { current: (find.selected ?? 0) + 1, total: find.total })}
    </Text>
  );
}

/** The page number: typed freely, applied on Enter or when leaving the field. */
function PageInput({ page, pageCount, onPage }: { page: number; pageCount: number; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string | null>(null);
  const apply = () => {
    const wanted = Number.parseInt(draft ?? '', 10);
    setDraft(null);
    if (Number.isFinite(wanted)) onPage(Math.min(pageCount, Math.max(1, wanted)));
  };
  return (
    <TextInput
      size="xs"
      w={52}
      aria-label={t('documents.viewer.pageNumber')}
      value={draft ?? String(page)}
      onFocus={(event) => event.currentTarget.select()}
      onChange={(event) => setDraft(event.currentTarget.value.replace(/\D/g, ''))}
      onBlur={apply}
      onKeyDown={(event) => {
        if (event.key === 'Enter') apply();
        if (event.key === 'Escape') setDraft(null);
      }}
      styles={{ input: { textAlign: 'center' } }}
      data-testid="pdf-page-input"
    />
  );
}
