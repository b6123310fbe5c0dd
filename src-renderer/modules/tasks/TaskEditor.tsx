import { useTranslation } from 'react-i18next';
import type { TaskOut } from '../../../src-shared/contract/tasks';
import { GuardedEditorModal } from '../../ui/GuardedEditorModal';
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
  return (
    <GuardedEditorModal
      opened={props.opened}
      onClose={props.onClose}
      title={props.task ? t('tasks.editTask') : t('tasks.newTask')}
      size={760}
      testId="task-editor"
      // A new task starts as the desk user's own: wait for who that is.
      waiting={!props.task && !me}
      unsaved={{
        title: t('tasks.form.unsavedTitle'),
        message: t('tasks.form.unsavedMessage'),
        discard: t('tasks.form.discard'),
      }}
    >
      {(guard) => (
        <TaskForm
          task={props.task}
          startCard={props.startCard}
          meId={me?.id}
          onDirtyChange={guard.onDirtyChange}
          onCancel={guard.requestClose}
          onSaved={(task) => {
            guard.closeSaved();
            props.onSaved?.(task);
          }}
        />
      )}
    </GuardedEditorModal>
  );
}
