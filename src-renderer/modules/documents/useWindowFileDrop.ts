import { useEffect, useRef, useState } from 'react';

const carriesFiles = (event: DragEvent) => !!event.dataTransfer?.types.includes('Files');

/**
 * Files dragged from the desktop anywhere over the page: `dragging` while they
 * hover, `onFiles` when dropped. A drop a more specific target already took
 * (the documents tab's drop area) is left to it.
 */
export function useWindowFileDrop(onFiles: (files: File[]) => void, enabled = true): boolean {
  const handler = useRef(onFiles);
  useEffect(() => {
    handler.current = onFiles;
  });
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    // dragover repeats every few dozen milliseconds while files hover; when it stops, they left.
    let idle: ReturnType<typeof setTimeout> | undefined;
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
      setDragging(true);
      clearTimeout(idle);
      idle = setTimeout(() => setDragging(false), 250);
    };
    const drop = (event: DragEvent) => {
      clearTimeout(idle);
      setDragging(false);
      if (event.defaultPrevented || !carriesFiles(event)) return;
      event.preventDefault();
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length > 0) handler.current(files);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      clearTimeout(idle);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [enabled]);
  return dragging;
}
