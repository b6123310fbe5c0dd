import { useEffect, useRef } from 'react';
import { filesOfPaste, isTextEntry } from './intake-names';

/**
 * Ctrl/Cmd+V with files or an image on the clipboard hands them to `onFiles`
 * while the screen using this is open. A paste into a text field stays the
 * field's; one without files (plain text) is left alone.
 */
export function usePasteUpload(onFiles: (files: File[]) => void, enabled = true): void {
  // The latest handler without re-adding the listener on every render.
  const handler = useRef(onFiles);
  useEffect(() => {
    handler.current = onFiles;
  });
  useEffect(() => {
    if (!enabled) return;
    const onPaste = (event: ClipboardEvent) => {
      if (event.defaultPrevented) return;
      if (isTextEntry(event.target) || isTextEntry(document.activeElement)) return;
      const files = filesOfPaste(event.clipboardData);
      if (files.length === 0) return;
      event.preventDefault();
      handler.current(files);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [enabled]);
}
