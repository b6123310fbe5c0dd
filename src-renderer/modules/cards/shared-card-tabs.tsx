import type { TFunction } from 'i18next';
import type { CardType } from '../../../src-shared/contract/cards';
import { CriteriaPanel } from '../criteria/CriteriaPanel';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { TimelinePanel } from '../timeline/TimelinePanel';
import { NotesPanel } from '../notes/NotesPanel';
import { TasksPanel } from '../tasks/TasksPanel';
import { SentPanel } from '../mailings/SentPanel';
import { CardMailPanel } from '../mail/CardMailPanel';
import type { CardTab } from './CardTabs';
import { HistoryPanel } from './HistoryPanel';

/**
 * The tabs every card has after its own (Genel, and Profil for persons):
 * notes, mail, tasks, criteria, documents, sent (mail and SMS), timeline and history, in that order on both kinds
 * of card.
 */
export function sharedCardTabs(
  t: TFunction,
  card: { id: string; type: CardType; displayName: string },
  readOnly: boolean,
): CardTab[] {
  return [
    { value: 'notes', label: t('notes.tab'), panel: <NotesPanel card={card} readOnly={readOnly} /> },
    { value: 'mail', label: t('mail.tab'), panel: <CardMailPanel card={card} /> },
    { value: 'tasks', label: t('tasks.tab'), panel: <TasksPanel card={card} readOnly={readOnly} /> },
    {
      value: 'criteria',
      label: t('timeline.tabs.criteria'),
      panel: <CriteriaPanel cardId={card.id} cardType={card.type} readOnly={readOnly} />,
    },
    { value: 'documents', label: t('documents.tab'), panel: <DocumentsPanel cardId={card.id} readOnly={readOnly} /> },
    { value: 'sent', label: t('mailings.sent.tab'), panel: <SentPanel cardId={card.id} /> },
    { value: 'timeline', label: t('timeline.tabs.timeline'), panel: <TimelinePanel cardId={card.id} /> },
    { value: 'history', label: t('timeline.tabs.history'), panel: <HistoryPanel entityId={card.id} /> },
  ];
}
