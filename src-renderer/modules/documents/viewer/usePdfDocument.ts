import { useEffect, useRef, useState } from 'react';
import { useClient } from '../../../app/contract-hooks';
import { joinParts, readDocument } from '../document-bytes';
import { getDocument, PasswordResponses, type PDFDocumentProxy } from './pdfjs';

export type PdfState =
  | { kind: 'loading' }
  | { kind: 'password'; wrong: boolean }
  | { kind: 'cancelled' }
  | { kind: 'ready'; pdf: PDFDocumentProxy }
  | { kind: 'error'; message: string };

/**
 * Loads a stored PDF into pdf.js. An encrypted file asks through `state.kind ===
 * 'password'`; `submitPassword` answers, a wrong one asks again with `wrong`.
 * The password that opened the file goes once to `onOpenedWithPassword` (to
 * unlock its text in main) and is kept nowhere.
 */
export function usePdfDocument(documentId: string, attempt: number, onOpenedWithPassword: (password: string) => void) {
  const client = useClient();
  const opened = useRef(onOpenedWithPassword);
  opened.current = onOpenedWithPassword;
  const [state, setState] = useState<PdfState>({ kind: 'loading' });
  const answer = useRef<((password: string) => void) | null>(null);
  const given = useRef<string | null>(null);
  const cancel = useRef<() => void>(() => undefined);

  useEffect(() => {
    let live = true;
    let destroy: (() => void) | null = null;
    setState({ kind: 'loading' });
    given.current = null;
    void (async () => {
      try {
        const file = await readDocument(client, documentId);
        if (!live) return;
        const task = getDocument({ data: joinParts(file.parts, file.size), isEvalSupported: false });
        destroy = () => void task.destroy();
        cancel.current = () => {
          live = false;
          void task.destroy();
          setState({ kind: 'cancelled' });
        };
        task.onPassword = (update: (password: string) => void, reason: number) => {
          answer.current = (password) => {
            given.current = password;
            update(password);
          };
          if (live) setState({ kind: 'password', wrong: reason === PasswordResponses.INCORRECT_PASSWORD });
        };
        const pdf = await task.promise;
        if (!live) return;
        setState({ kind: 'ready', pdf });
        if (given.current) opened.current(given.current);
        given.current = null;
      } catch (error) {
        if (live) setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
      }
    })();
    return () => {
      live = false;
      answer.current = null;
      given.current = null;
      destroy?.();
    };
  }, [client, documentId, attempt]);

  return {
    state,
    submitPassword: (password: string) => {
      setState({ kind: 'loading' });
      answer.current?.(password);
    },
    cancelPassword: () => cancel.current(),
  };
}
