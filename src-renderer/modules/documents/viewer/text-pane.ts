import type { CSSProperties } from 'react';

/** Text shown as written (line breaks kept, long lines wrapped), in a scrolling pane like a sheet of paper. */
export const textPaneStyle: CSSProperties = {
  flex: 1,
  minHeight: 0,
  overflow: 'auto',
  whiteSpace: 'pre-wrap',
  overflowWrap: 'anywhere',
  fontFamily: 'var(--mantine-font-family-monospace)',
  fontSize: 13,
  lineHeight: 1.5,
  padding: '12px 16px',
  background: 'var(--mantine-color-gray-0)',
  border: '1px solid var(--mantine-color-gray-3)',
  borderRadius: 'var(--mantine-radius-sm)',
};
