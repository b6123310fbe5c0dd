import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../../../src-shared/contract/search';

const MARKED = new RegExp(`(\\${SNIPPET_OPEN}[^\\${SNIPPET_CLOSE}]*\\${SNIPPET_CLOSE})`, 'g');

/** A snippet with its matched words highlighted: split on the markers and rendered as text, never as HTML. */
export function Snippet({ text }: { text: string }) {
  return (
    <>
      {text
        .split(MARKED)
        .map((part, i) =>
          part.startsWith(SNIPPET_OPEN) && part.endsWith(SNIPPET_CLOSE) ? (
            <mark key={i}>{part.slice(1, -1)}</mark>
          ) : (
            <span key={i}>{part}</span>
          ),
        )}
    </>
  );
}
