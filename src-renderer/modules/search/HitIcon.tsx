import {
  IconBuilding,
  IconCalendarEvent,
  IconChecklist,
  IconFile,
  IconFileText,
  IconFileTypePdf,
  IconMail,
  IconMessages,
  IconPhoto,
  IconUser,
} from '@tabler/icons-react';
import type { SearchHit, SearchType } from '../../../src-shared/contract/search';

export const TYPE_ICONS: Record<SearchType, typeof IconUser> = {
  person: IconUser,
  institution: IconBuilding,
  document: IconFileText,
  note: IconMessages,
  task: IconChecklist,
  event: IconCalendarEvent,
  mail: IconMail,
};

/** A person, an institution, or a document by its kind (PDF, image, other). */
export function HitIcon({ hit, size = 18 }: { hit: Pick<SearchHit, 'type' | 'mimeType'>; size?: number }) {
  const mime = hit.mimeType ?? '';
  const Icon =
    hit.type !== 'document'
      ? TYPE_ICONS[hit.type]
      : mime === 'application/pdf'
        ? IconFileTypePdf
        : mime.startsWith('image/')
          ? IconPhoto
          : mime.startsWith('text/') || mime.includes('word') || mime.includes('document')
            ? IconFileText
            : IconFile;
  return <Icon size={size} stroke={1.6} color="var(--mantine-color-blue-6)" style={{ flexShrink: 0 }} />;
}
