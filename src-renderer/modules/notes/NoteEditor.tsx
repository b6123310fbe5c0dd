import { useState } from 'react';
import { Center, Loader, Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NoteOut } from '../../../src-shared/contract/notes';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
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
  const [dirty, setDirty] = useState(false);
  const [asking, setAsking] = useState(false);
  const close = () => {
    setDirty(false);
    setAsking(false);
    props.onClose();
  };
  const requestClose = () => (dirty ? setAsking(true) : close());
  return (
    <>
      <Modal
        opened={props.opened}
        onClose={requestClose}
        title={props.note ? t('notes.editNote') : t('notes.newNote')}
        size={880}
        closeOnClickOutside={false}
        data-testid="note-editor"
      >
        {/* A new note starts with the user at this desk among the staff: wait for who that is. */}
        {!props.note && !me ? (
          <Center h={200}>
            <Loader size="sm" />
          </Center>
        ) : (
          <NoteForm
            note={props.note}
            startCard={props.startCard}
            meId={me?.id}
            onDirtyChange={setDirty}
            onCancel={requestClose}
            onSaved={(note) => {
              close();
              props.onSaved?.(note);
            }}
          />
        )}
      </Modal>
      <ConfirmDialog
        opened={asking}
        title={t('notes.unsavedTitle')}
        message={t('notes.unsavedMessage')}
        confirmLabel={t('notes.discard')}
        onConfirm={close}
        onClose={() => setAsking(false)}
      />
    </>
  );
}
