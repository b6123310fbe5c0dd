import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Center, Checkbox, Text } from '@mantine/core';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import classes from './VirtualTable.module.css';

export interface Column<R> {
  key: string;
  label: string;
  /** CSS grid track, e.g. "2fr" or "140px". */
  width: string;
  /** The list's sort key when the header can sort. */
  sort?: string;
  render: (row: R) => ReactNode;
}

export interface VirtualTableProps<R> {
  columns: Column<R>[];
  total: number;
  getRow: (index: number) => R | undefined;
  rowKey: (row: R) => string;
  onVisibleChange: (range: { start: number; end: number }) => void;
  onOpen: (row: R) => void;
  sort: { key: string; dir: 'asc' | 'desc' };
  onSort: (key: string) => void;
  empty: string;
  label: string;
  /** Files dragged from the desktop onto a row: the row lights up while they hover, and gets them when dropped. */
  onRowFilesDrop?: (row: R, files: File[]) => void;
  /** Opt-in: a checkbox column to pick rows (the table only shows and reports; the caller keeps the state). */
  selection?: RowSelection<R> | undefined;
}

export interface RowSelection<R> {
  isSelected: (row: R) => boolean;
  /** A row's checkbox clicked or Space on the row; `range` (Shift held) extends from the row toggled before. */
  onToggle: (row: R, index: number, range: boolean) => void;
  /** The header checkbox: checked, indeterminate ('some') or empty. */
  all: boolean | 'some';
  onToggleAll: () => void;
  headerLabel: string;
  /** The screen-reader name of a row's checkbox, e.g. "Ayşe Yılmaz kartını seç". */
  rowLabel: (row: R) => string;
}

/** A drag from the desktop carries files; a drag of text or a link inside the page does not. */
const carriesFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');

const ROW_HEIGHT = 40;
const CHECK_WIDTH = '44px';

/**
 * A table that renders only the rows on screen: smooth over 100k cards. Rows
 * not yet fetched show as placeholders; the data comes in blocks (usePagedRows).
 */
export function VirtualTable<R>(props: VirtualTableProps<R>) {
  const { columns, total, getRow, onVisibleChange, onOpen, sort, onSort } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const selection = props.selection;
  const template = [...(selection ? [CHECK_WIDTH] : []), ...columns.map((c) => c.width)].join(' ');
  const [dropKey, setDropKey] = useState<string | null>(null);
  const onFilesDrop = props.onRowFilesDrop;
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    onChange: (v) => {
      const items = v.getVirtualItems();
      if (items.length) onVisibleChange({ start: items[0]!.index, end: items[items.length - 1]!.index });
    },
  });

  return (
    <div
      className={classes.table}
      role="grid"
      aria-label={props.label}
      aria-rowcount={total}
      aria-multiselectable={selection ? true : undefined}
    >
      <div className={classes.header} style={{ gridTemplateColumns: template }} role="row">
        {selection && (
          <div role="columnheader" className={`${classes.headerCell} ${classes.checkCell}`}>
            <Checkbox
              size="xs"
              aria-label={selection.headerLabel}
              checked={selection.all === true}
              indeterminate={selection.all === 'some'}
              onChange={() => selection.onToggleAll()}
              data-testid="select-all-rows"
            />
          </div>
        )}
        {columns.map((c) =>
          c.sort ? (
            <button
              key={c.key}
              type="button"
              role="columnheader"
              aria-sort={sort.key === c.sort ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
              className={`${classes.headerCell} ${classes.sortable}`}
              onClick={() => onSort(c.sort!)}
            >
              {c.label}
              {sort.key === c.sort &&
                (sort.dir === 'asc' ? <IconChevronUp size={14} /> : <IconChevronDown size={14} />)}
            </button>
          ) : (
            <div key={c.key} role="columnheader" className={classes.headerCell}>
              {c.label}
            </div>
          ),
        )}
      </div>
      <div className={classes.viewport} ref={scrollRef}>
        {total === 0 ? (
          <Center h={160}>
            <Text c="dimmed">{props.empty}</Text>
          </Center>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = getRow(item.index);
              const key = row ? props.rowKey(row) : `placeholder-${item.index}`;
              const selected = !!(selection && row && selection.isSelected(row));
              const over = (e: DragEvent) => {
                if (!carriesFiles(e)) return;
                e.preventDefault();
                e.dataTransfer.dropEffect = 'copy';
                if (dropKey !== key) setDropKey(key);
              };
              const dropHandlers =
                row && onFilesDrop
                  ? {
                      onDragEnter: over,
                      onDragOver: over,
                      onDragLeave: (e: DragEvent<HTMLDivElement>) => {
                        // Moving onto a cell of the same row is not leaving it.
                        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropKey(null);
                      },
                      onDrop: (e: DragEvent) => {
                        if (!carriesFiles(e)) return;
                        e.preventDefault();
                        setDropKey(null);
                        const files = [...e.dataTransfer.files];
                        if (files.length > 0) onFilesDrop(row, files);
                      },
                    }
                  : {};
              return (
                <div
                  key={key}
                  role="row"
                  aria-rowindex={item.index + 1}
                  aria-selected={selection && row ? selected : undefined}
                  tabIndex={row ? 0 : -1}
                  className={[classes.row, dropKey === key && classes.dropTarget, selected && classes.selected]
                    .filter(Boolean)
                    .join(' ')}
                  data-drop-target={dropKey === key || undefined}
                  {...dropHandlers}
                  style={{ top: item.start, height: ROW_HEIGHT, gridTemplateColumns: template }}
                  onClick={() => row && onOpen(row)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' && row) onOpen(row);
                    // Space on the focused row ticks it (Shift+Space extends), as in a file manager.
                    if (e.key === ' ' && row && selection && e.target === e.currentTarget) {
                      e.preventDefault();
                      selection.onToggle(row, item.index, e.shiftKey);
                    }
                  }}
                >
                  {selection && (
                    <div
                      role="gridcell"
                      className={`${classes.cell} ${classes.checkCell}`}
                      // The box and the space around it tick the row; only the rest of the row opens the card.
                      onClick={(e) => {
                        e.stopPropagation();
                        if (row) selection.onToggle(row, item.index, e.shiftKey);
                      }}
                    >
                      {row && (
                        <Checkbox
                          size="xs"
                          // One tab stop per row: the row itself, where Space ticks it.
                          tabIndex={-1}
                          aria-label={selection.rowLabel(row)}
                          checked={selected}
                          onChange={() => undefined}
                          onClick={(e) => {
                            e.stopPropagation();
                            selection.onToggle(row, item.index, e.shiftKey);
                          }}
                        />
                      )}
                    </div>
                  )}
                  {columns.map((c) => (
                    <div key={c.key} role="gridcell" className={classes.cell}>
                      {row ? c.render(row) : <div className={classes.placeholder} />}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
