import { useTranslation } from 'react-i18next';
import type { NoteOut } from '../../../src-shared/contract/notes';
import { GuardedEditorModal } from '../../ui/GuardedEditorModal';
import { useMe } from '../criteria/use-me';
import { NoteForm } from './NoteForm';
import type { CardChoice } from './NoteCardsPicker';

/**
 * Writing or changing a meeting note, in a large dialog. Esc (or the close button)
 * asks first when something was typed; Ctrl+Enter saves.
 */
export function NoteEditor(props: {
  opened: boolean;
  onClose: () => void;
  /** The note to change; none for a new one. */
  note?: NoteOut | undefined;
  /** A new note's card: the one it was started from. */
  startCard?: CardChoice | undefined;
  onSaved?: (note: NoteOut) => void;
}) {
  const { t } = useTranslation();
  const { me } = useMe();
  return (
    <GuardedEditorModal
      opened={props.opened}
      onClose={props.onClose}
      title={props.note ? t('notes.editNote') : t('notes.newNote')}
      size={880}
      testId="note-editor"
      // A new note starts with the user at this desk among the staff: wait for who that is.
      waiting={!props.note && !me}
      unsaved={{ title: t('notes.unsavedTitle'), message: t('notes.unsavedMessage'), discard: t('notes.discard') }}
    >
      {(guard) => (
        <NoteForm
          note={props.note}
          startCard={props.startCard}
          meId={me?.id}
          onDirtyChange={guard.onDirtyChange}
          onCancel={guard.requestClose}
          onSaved={(note) => {
            guard.closeSaved();
            props.onSaved?.(note);
          }}
        />
      )}
    </GuardedEditorModal>
  );
}
