import { useCallback, useEffect, useRef, useState } from 'react';
import type { DoorResult } from './CheckInResult';

/** How long a result stays up before the screen is ready for the next person. */
export const RESULT_SHOWN_MS = 5000;

/** The latest result at the door; it clears itself after a few seconds and then calls `onClear`. */
export function useDoorResult(onClear: () => void) {
  const [result, setResult] = useState<DoorResult | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const onClearRef = useRef(onClear);
  useEffect(() => {
    onClearRef.current = onClear;
  }, [onClear]);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const show = useCallback((next: DoorResult) => {
    window.clearTimeout(timer.current);
    setResult(next);
    timer.current = window.setTimeout(() => {
      setResult(null);
      onClearRef.current();
    }, RESULT_SHOWN_MS);
  }, []);
  return { result, show };
}
