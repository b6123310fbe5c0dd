import { useState, type ReactNode } from 'react';
import { Button, type ButtonProps } from '@mantine/core';
import { IconMail, IconMessage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ComposeStart } from './ComposeForm';
import { ComposeModal } from './ComposeModal';

/**
 * A button that opens the compose dialog: "E-posta gönder" / "SMS gönder" from a card, or "Yanıtla" from a mail
 * (pass `replyTo`, `to`, `subject` in `start` and a `label`).
 */
export function ComposeButton(props: {
  start: ComposeStart;
  label?: ReactNode;
  icon?: ReactNode;
  variant?: ButtonProps['variant'];
  size?: ButtonProps['size'];
  testId?: string;
  onSent?: (mailingId: string) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const sms = props.start.channel === 'sms';
  return (
    <>
      <Button
        variant={props.variant ?? 'light'}
        size={props.size ?? 'sm'}
        leftSection={props.icon ?? (sms ? <IconMessage size={16} /> : <IconMail size={16} />)}
        onClick={() => setOpen(true)}
        data-testid={props.testId ?? (sms ? 'compose-sms' : 'compose-email')}
      >
        {props.label ?? t(sms ? 'mailings.compose.sms' : 'mailings.compose.email')}
      </Button>
      {open && (
        <ComposeModal
          opened={open}
          onClose={() => setOpen(false)}
          start={props.start}
          {...(props.onSent ? { onSent: props.onSent } : {})}
        />
      )}
    </>
  );
}
