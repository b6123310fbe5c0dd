import { useState, type ReactNode } from 'react';
import { Center, Loader, Modal } from '@mantine/core';
import { ConfirmDialog } from './ConfirmDialog';

/** What the form inside needs from the dialog: report typing, ask to close, close after a save. */
export interface EditorGuard {
  onDirtyChange: (dirty: boolean) => void;
  requestClose: () => void;
  closeSaved: () => void;
}

/**
 * A form in a dialog that asks before throwing typed work away: Esc, the close button and the form's own cancel
 * go through `requestClose`, which asks only when something was typed. While `waiting`, a loader stands in for
 * the form (e.g. until the user at this desk is known, who a new note or task starts with).
 */
export function GuardedEditorModal(props: {
  opened: boolean;
  onClose: () => void;
  title: string;
  size: number;
  testId: string;
  waiting: boolean;
  unsaved: { title: string; message: string; discard: string };
  children: (guard: EditorGuard) => ReactNode;
}) {
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
        title={props.title}
        size={props.size}
        closeOnClickOutside={false}
        data-testid={props.testId}
      >
        {props.waiting ? (
          <Center h={200}>
            <Loader size="sm" />
          </Center>
        ) : (
          props.children({ onDirtyChange: setDirty, requestClose, closeSaved: close })
        )}
      </Modal>
      <ConfirmDialog
        opened={asking}
        title={props.unsaved.title}
        message={props.unsaved.message}
        confirmLabel={props.unsaved.discard}
        onConfirm={close}
        onClose={() => setAsking(false)}
      />
    </>
  );
}
