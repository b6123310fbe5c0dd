import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Center, Text } from '@mantine/core';
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
}

/** A drag from the desktop carries files; a drag of text or a link inside the page does not. */
const carriesFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');

const ROW_HEIGHT = 40;

/**
 * A table that renders only the rows on screen: smooth over 100k cards. Rows
 * not yet fetched show as placeholders; the data comes in blocks (usePagedRows).
 */
export function VirtualTable<R>(props: VirtualTableProps<R>) {
  const { columns, total, getRow, onVisibleChange, onOpen, sort, onSort } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const template = columns.map((c) => c.width).join(' ');
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
    <div className={classes.table} role="grid" aria-label={props.label} aria-rowcount={total}>
      <div className={classes.header} style={{ gridTemplateColumns: template }} role="row">
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
                  tabIndex={row ? 0 : -1}
                  className={dropKey === key ? `${classes.row} ${classes.dropTarget}` : classes.row}
                  data-drop-target={dropKey === key || undefined}
                  {...dropHandlers}
                  style={{ top: item.start, height: ROW_HEIGHT, gridTemplateColumns: template }}
                  onClick={() => row && onOpen(row)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' && row) onOpen(row);
                  }}
                >
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
