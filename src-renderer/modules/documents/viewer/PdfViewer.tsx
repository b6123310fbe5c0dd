import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { TextStatus } from '../../../../src-shared/contract/documents';
import { useClient } from '../../../app/contract-hooks';
import { PasswordDialog } from '../PasswordDialog';
import { PdfPage, type PageHighlight } from './PdfPage';
import { PdfToolbar } from './PdfToolbar';
import { CSS_UNITS, type PDFDocumentProxy, type TextContent } from './pdfjs';
import { usePageWindow } from './usePageWindow';
import { usePdfDocument } from './usePdfDocument';
import { usePdfFind } from './usePdfFind';
import classes from './PdfViewer.module.css';

export interface PdfViewerProps {
  documentId: string;
  name: string;
  textStatus: TextStatus;
  /** From search: prefilled in find, and the first match from `initialPage` on is selected. */
  initialQuery?: string;
  initialPage?: number;
}

/** A PDF inside the app: asks for the password of an encrypted one, then shows its pages. */
export default function PdfViewer(props: PdfViewerProps) {
  const { t } = useTranslation();
  const client = useClient();
  const [attempt, setAttempt] = useState(0);
  const textStatus = useRef(props.textStatus);
  textStatus.current = props.textStatus;
  // The password that opened the file also unlocks its text in main (so search finds it); main does not keep it.
  // Only once the job has found the file locked: before that main has nothing to unlock (and the panel
  // beside the preview offers "Parolayı gir" when the status turns locked later).
  const unlockText = useCallback(
    (password: string) => {
      if (textStatus.current !== 'locked') return;
      client.call('documents.unlock', { id: props.documentId, password }).catch((error: Error) =>
        notifications.show({
          color: 'yellow',
          message: t('documents.password.indexFailed', { reason: error.message }),
        }),
      );
    },
    [client, props.documentId, t],
  );
  const { state, submitPassword, cancelPassword } = usePdfDocument(props.documentId, attempt, unlockText);

  // A new link from search (another query or page) starts the pages afresh; the file stays loaded.
  if (state.kind === 'ready')
    return <PdfPages key={`${props.initialQuery}|${props.initialPage}`} pdf={state.pdf} {...props} />;
  return (
    <Center h="100%" mih={240}>
      {state.kind === 'error' ? (
        <Alert color="red" title={t('common.error')} maw={520}>
          {t('documents.viewer.loadFailed', { reason: state.message })}
        </Alert>
      ) : state.kind === 'cancelled' ? (
        <Stack align="center" gap="sm">
          <Text c="dimmed">{t('documents.password.cancelled')}</Text>
          <Button variant="light" onClick={() => setAttempt((n) => n + 1)}>
            {t('documents.enterPassword')}
          </Button>
        </Stack>
      ) : (
        <Stack align="center" gap="xs">
          <Loader />
          <Text size="sm" c="dimmed">
            {t('documents.viewer.loading')}
          </Text>
        </Stack>
      )}
      <PasswordDialog
        opened={state.kind === 'password'}
        name={props.name}
        error={state.kind === 'password' && state.wrong ? t('documents.password.wrong') : null}
        onSubmit={submitPassword}
        onCancel={cancelPassword}
      />
    </Center>
  );
}

const ZOOM_STEPS = [0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4];
const NO_HIGHLIGHTS: PageHighlight[] = [];

function PdfPages({ pdf, initialQuery, initialPage }: PdfViewerProps & { pdf: PDFDocumentProxy }) {
  const scroller = useRef<HTMLDivElement>(null);
  const findInput = useRef<HTMLInputElement>(null);
  const pageCount = pdf.numPages;

  // Page sizes in points: page 1's for all until each page is loaded (most files have one size throughout).
  const [sizes, setSizes] = useState<Map<number, { width: number; height: number }>>(new Map());
  const [base, setBase] = useState<{ width: number; height: number } | null>(null);
  useEffect(() => {
    void pdf.getPage(1).then((page) => {
      const { width, height } = page.getViewport({ scale: 1 });
      setBase({ width, height });
    });
  }, [pdf]);
  const onSize = useCallback((page: number, width: number, height: number) => {
    setSizes((old) => {
      const known = old.get(page);
      if (known && known.width === width && known.height === height) return old;
      return new Map(old).set(page, { width, height });
    });
  }, []);

  // One text content per page, shared by the text layer and find so that positions agree.
  const texts = useRef(new Map<number, Promise<TextContent>>());
  const textOf = useCallback(
    (page: number) => {
      let text = texts.current.get(page);
      if (!text) {
        text = pdf.getPage(page).then((p) => p.getTextContent());
        texts.current.set(page, text);
      }
      return text;
    },
    [pdf],
  );

  const [width, setWidth] = useState(0);
  useEffect(() => {
    const box = scroller.current;
    if (!box) return;
    const observer = new ResizeObserver(() => setWidth(box.clientWidth));
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  const [zoomSetting, setZoomSetting] = useState<'fit' | number>('fit');
  const fitZoom = base && width ? Math.min(4, Math.max(0.25, (width - 40) / (base.width * CSS_UNITS))) : 1;
  const zoom = zoomSetting === 'fit' ? fitZoom : zoomSetting;

  const view = usePageWindow(scroller, pageCount, `${zoom}:${base?.width}:${sizes.size}`);
  const restoreTo = useRef<{ page: number; fraction: number } | null>(null);
  const changeZoom = (next: 'fit' | number) => {
    restoreTo.current = view.position();
    setZoomSetting(next);
  };
  useLayoutEffect(() => {
    if (!restoreTo.current) return;
    view.scrollToPage(restoreTo.current.page, restoreTo.current.fraction);
    restoreTo.current = null;
  }, [zoom, view]);

  // Opened from search at a page: go there once the pages have their size.
  const jumped = useRef(false);
  useLayoutEffect(() => {
    if (jumped.current || !base || !initialPage || initialPage < 2) return;
    jumped.current = true;
    view.scrollToPage(Math.min(initialPage, pageCount));
  }, [base, initialPage, pageCount, view]);

  const [query, setQuery] = useState(initialQuery ?? '');
  const [debounced] = useDebouncedValue(query, 250);
  const find = usePdfFind(pdf, textOf, debounced);
  const [selected, setSelected] = useState<number | null>(null);
  const [selectToken, setSelectToken] = useState(0);
  const select = (index: number) => {
    const match = find.matches[index];
    if (!match) return;
    setSelected(index);
    setSelectToken((n) => n + 1);
    if (match.page < view.from || match.page > view.to) view.scrollToPage(match.page);
  };
  // A new search starts at the first match from the page in view (or the page search pointed at).
  const startPage = useRef(initialPage ?? 1);
  const searched = useRef<unknown>(null);
  useEffect(() => {
    if (searched.current === find.matches) return;
    searched.current = find.matches;
    if (find.matches.length === 0) return setSelected(null);
    const from = startPage.current;
    startPage.current = 0;
    const first = find.matches.findIndex((m) => m.page >= (from || view.current));
    select(first === -1 ? 0 : first);
    // Only a new result list moves the selection; scrolling does not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [find.matches]);

  const byPage = useMemo(() => {
    const pages = new Map<number, PageHighlight[]>();
    find.matches.forEach((match, index) => {
      const list = pages.get(match.page) ?? [];
      list.push({ index, ranges: match.ranges });
      pages.set(match.page, list);
    });
    return pages;
  }, [find.matches]);
  const selectedPage = selected === null ? null : (find.matches[selected]?.page ?? null);
  const total = find.matches.length;

  useHotkeys([
    [
      'mod+F',
      () => {
        findInput.current?.focus();
        findInput.current?.select();
      },
    ],
  ]);

  return (
    <Stack gap="xs" h="100%" mih={0} data-testid="pdf-viewer">
      <PdfToolbar
        ref={findInput}
        page={view.current}
        pageCount={pageCount}
        onPage={(page) => view.scrollToPage(page)}
        zoom={zoom}
        fitting={zoomSetting === 'fit'}
        onZoomIn={() => changeZoom(ZOOM_STEPS.find((step) => step > zoom * 1.05) ?? zoom)}
        onZoomOut={() => changeZoom([...ZOOM_STEPS].reverse().find((step) => step < zoom / 1.05) ?? zoom)}
        onFitWidth={() => changeZoom('fit')}
        find={{
          query,
          setQuery,
          searching: find.searching || query !== debounced,
          total,
          selected,
          next: () => total && select(((selected ?? -1) + 1) % total),
          previous: () => total && select(((selected ?? 0) - 1 + total) % total),
        }}
      />
      <div ref={scroller} className={classes.scroller} data-testid="pdf-pages" data-pdf-scroller>
        {base && (
          <div className={classes.pages}>
            {Array.from({ length: pageCount }, (_, i) => i + 1).map((number) => (
              <PdfPage
                key={number}
                pdf={pdf}
                number={number}
                zoom={zoom}
                size={sizes.get(number) ?? base}
                near={number >= view.from && number <= view.to}
                textOf={textOf}
                highlights={byPage.get(number) ?? NO_HIGHLIGHTS}
                selected={selectedPage === number ? selected : null}
                selectToken={selectedPage === number ? selectToken : 0}
                onSize={onSize}
              />
            ))}
          </div>
        )}
      </div>
    </Stack>
  );
}
