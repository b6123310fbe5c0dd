import { useState } from 'react';
import { Center, Loader, Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TaskOut } from '../../../src-shared/contract/tasks';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useMe } from '../criteria/use-me';
import type { CardChoice } from '../notes/NoteCardsPicker';
import { TaskForm } from './TaskForm';

/**
 * Writing or changing a task in a dialog. Esc (or the close button) asks first when something was typed;
 * Ctrl+Enter saves.
 */
export function TaskEditor(props: {
  opened: boolean;
  onClose: () => void;
  task?: TaskOut | undefined;
  startCard?: CardChoice | undefined;
  onSaved?: (task: TaskOut) => void;
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
        title={props.task ? t('tasks.editTask') : t('tasks.newTask')}
        size={760}
        closeOnClickOutside={false}
        data-testid="task-editor"
      >
        {/* A new task starts as the desk user's own: wait for who that is. */}
        {!props.task && !me ? (
          <Center h={200}>
            <Loader size="sm" />
          </Center>
        ) : (
          <TaskForm
            task={props.task}
            startCard={props.startCard}
            meId={me?.id}
            onDirtyChange={setDirty}
            onCancel={requestClose}
            onSaved={(task) => {
              close();
              props.onSaved?.(task);
            }}
          />
        )}
      </Modal>
      <ConfirmDialog
        opened={asking}
        title={t('tasks.form.unsavedTitle')}
        message={t('tasks.form.unsavedMessage')}
        confirmLabel={t('tasks.form.discard')}
        onConfirm={close}
        onClose={() => setAsking(false)}
      />
    </>
  );
}
