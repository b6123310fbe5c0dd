import { Typography } from '@mantine/core';

/**
 * The note's rich text. The HTML comes from main, which sanitised it when it was
 * stored (only headings, lists, bold, italic, underline and http/mailto/tel links
 * survive; no scripts, handlers, styles or images), so it is set as HTML here;
 * the renderer's CSP (no inline script) stays as a second wall. Links open outside.
 */
export function NoteBody({ html }: { html: string }) {
  return (
    <Typography>
      <div
        data-testid="note-view-body"
        style={{ overflowWrap: 'anywhere' }}
        onClick={(event) => {
          const link = (event.target as HTMLElement).closest('a');
          if (link) {
            event.preventDefault();
            window.open(link.href, '_blank', 'noopener,noreferrer');
          }
        }}
        dangerouslySetInnerHTML={{ __html: html }}
      />
    </Typography>
  );
}
