import { useState, type ReactNode } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { CallInput, CallOutput } from '../../../src-shared/contract';
import { BLOCK_SIZE, usePagedRows, type PagedMethod } from '../../ui/usePagedRows';
import { VirtualTable, type Column } from '../../ui/VirtualTable';
import { ListToolbar } from './ListToolbar';
import type { ExportFilter } from '../../../src-shared/contract/transfer';
import { useListState } from './useListState';
import { useRowDrop } from '../documents/useRowDrop';
import { SelectionBar } from './SelectionBar';
import { useCardSelection } from './useCardSelection';

type Row<M extends PagedMethod> = CallOutput<M>['rows'][number];

export interface CardListViewProps<M extends PagedMethod> {
  method: M;
  title: string;
  newLabel: string;
  /** Where a row opens: `${basePath}/${id}`. */
  basePath: string;
  columns: Column<Row<M>>[];
  /** Filters of this list beyond search, sort and recycle bin (e.g. institution kind). */
  extraFilter?: Partial<CallInput<M>>;
  toolbarExtras?: ReactNode;
  renderNewForm: (props: {
    opened: boolean;
    onClose: () => void;
    onSaved: (card: { id: string }) => void;
  }) => ReactNode;
}

/** A card list screen: heading, filters, the virtualised table and the "new card" form. */
export function CardListView<M extends PagedMethod>(props: CardListViewProps<M>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useListState();
  // "?new" opens the new-card form: the shell's Ctrl/Cmd+N sends people here from any screen.
  const [params, setParams] = useSearchParams();
  const creating = params.has('new');
  const setCreating = (open: boolean) => setParams(open ? { new: '1' } : {}, { replace: true });
  const [q] = useDebouncedValue(list.query, 200);
  const filter = {
    q,
    sort: list.sort.key,
    dir: list.sort.dir,
    deleted: list.deleted,
    ...props.extraFilter,
  } as Omit<CallInput<M>, 'offset' | 'limit'>;
  const { total, getRow } = usePagedRows(props.method, filter, list.visible);
  const filtered = Boolean(q) || Object.values(props.extraFilter ?? {}).some((v) => v !== undefined);
  const dropOnRow = useRowDrop();
  const selection = useCardSelection(getRow, loadedRange(list.visible));
  // A new filter, search or bin switch drops the selection: the rows ticked might no longer be in the list, and a
  // send must not go to cards the user can no longer see. A new sort keeps it (same cards, other order).
  const filterKey = JSON.stringify([q, list.deleted, props.extraFilter]);
  const [selectedUnder, setSelectedUnder] = useState(filterKey);
  if (selectedUnder !== filterKey) {
    setSelectedUnder(filterKey);
    selection.clear();
  }

  return (
    <>
      <ListToolbar
        title={props.title}
        total={total}
        query={list.query}
        onQuery={list.setQuery}
        deleted={list.deleted}
        onDeleted={list.setDeleted}
        newLabel={props.newLabel}
        onNew={() => setCreating(true)}
        exportFilter={exportFilterOf(props.extraFilter)}
      >
        {props.toolbarExtras}
      </ListToolbar>
      {selection.count > 0 && (
        <SelectionBar cards={selection.selected} onClear={selection.clear} onSent={selection.clear} />
      )}
      <VirtualTable
        label={props.title}
        columns={props.columns}
        total={total ?? 0}
        getRow={getRow}
        rowKey={(r) => r.id}
        onVisibleChange={list.setVisible}
        onOpen={(r) => void navigate(`${props.basePath}/${r.id}`)}
        sort={list.sort}
        onSort={list.toggleSort}
        empty={list.deleted ? t('cards.emptyBin') : filtered ? t('cards.emptyFilter') : t('cards.emptyList')}
        // Files dropped on a row are filed on that card; a binned card takes none.
        onRowFilesDrop={list.deleted ? undefined : (row, files) => void dropOnRow(row, files)}
        // Cards in the bin are not written to, so they are not ticked either.
        selection={
          list.deleted
            ? undefined
            : {
                isSelected: selection.isSelected,
                onToggle: selection.toggle,
                all: selection.all,
                onToggleAll: selection.toggleAll,
                headerLabel: t('cards.selection.selectAll'),
                rowLabel: (r) => t('cards.selection.selectRow', { name: r.displayName }),
              }
        }
      />
      {props.renderNewForm({
        opened: creating,
        onClose: () => setCreating(false),
        onSaved: (card) => void navigate(`${props.basePath}/${card.id}`),
      })}
    </>
  );
}

/** The rows usePagedRows may hold: the whole blocks around the visible range (end exclusive). */
function loadedRange(visible: { start: number; end: number }) {
  const start = Math.floor(visible.start / BLOCK_SIZE) * BLOCK_SIZE;
  return { start, end: (Math.floor(Math.max(visible.start, visible.end) / BLOCK_SIZE) + 1) * BLOCK_SIZE };
}

/** The list's own filters that an export understands (il, kind, segment): "Dışa aktar" writes what is shown. */
function exportFilterOf(extra: object | undefined): Omit<ExportFilter, 'q'> {
  const { province, kind, segmentId } = (extra ?? {}) as Omit<ExportFilter, 'q'>;
  return { province, kind, segmentId };
}
