import { useTranslation } from 'react-i18next';
import { GuardedEditorModal } from '../../ui/GuardedEditorModal';
import { ComposeForm, type ComposeStart } from './ComposeForm';

/** Writing a mail or an SMS in a dialog; closing with typed text asks first. */
export function ComposeModal(props: {
  opened: boolean;
  onClose: () => void;
  start: ComposeStart;
  onSent?: (mailingId: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <GuardedEditorModal
      opened={props.opened}
      onClose={props.onClose}
      title={t(props.start.channel === 'sms' ? 'mailings.compose.sms' : 'mailings.compose.email')}
      size={1100}
      testId="compose-modal"
      waiting={false}
      unsaved={{
        title: t('mailings.compose.unsavedTitle'),
        message: t('mailings.compose.unsavedMessage'),
        discard: t('mailings.compose.discard'),
      }}
    >
      {(guard) => (
        <ComposeForm
          start={props.start}
          onDirtyChange={guard.onDirtyChange}
          onCancel={guard.requestClose}
          onSent={(id) => {
            guard.closeSaved();
            props.onSent?.(id);
          }}
        />
      )}
    </GuardedEditorModal>
  );
}
