import { Badge, Box, Group, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconArrowForwardUp, IconBuilding, IconPaperclip, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { MailSummary } from '../../../src-shared/contract/mail';
import { formatDateTime } from '../../ui/format';
import { correspondents, listDate } from './mail-format';
import classes from './mail.module.css';

/** The fixed height of a row: the virtualised list places rows by it. */
export const MAIL_ROW_HEIGHT = 82;

/**
 * One mail in a list: who (sender, or "Kime" for mail we sent), subject and the start of the text, when,
 * whether it has files, the cards it is on. Unread mail is bold with a dot, as in every mail program.
 */
export function MailRow({
  mail,
  selected = false,
  showCards = true,
  hideCardId,
  onOpen,
}: {
  mail: MailSummary;
  selected?: boolean;
  showCards?: boolean;
  /** On a card's own tab its chip says nothing new: only the other cards are shown. */
  hideCardId?: string;
  onOpen: () => void;
}) {
  const { t, i18n } = useTranslation();
  const who = correspondents(mail) || t('mail.noAddress');
  return (
    <UnstyledButton
      className={classes.row}
      data-selected={selected || undefined}
      data-unread={!mail.read || undefined}
      data-testid="mail-row"
      aria-current={selected || undefined}
      onClick={onOpen}
    >
      <Group gap={6} wrap="nowrap" justify="space-between">
        <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
          <Box className={classes.dot} aria-label={mail.read ? undefined : t('mail.unread')} />
          {mail.direction === 'out' && (
            <Tooltip label={t('mail.sentByUs')}>
              <IconArrowForwardUp size={15} color="var(--mantine-color-gray-6)" style={{ flexShrink: 0 }} />
            </Tooltip>
          )}
          <Text size="sm" fw={mail.read ? 400 : 700} truncate data-testid="mail-row-who">
            {mail.direction === 'out' ? `${t('mail.toShort')} ${who}` : who}
          </Text>
        </Group>
        <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
          {mail.isBounce && (
            <Badge size="xs" color="red" variant="light" leftSection={<IconAlertTriangle size={11} />}>
              {t('mail.bounce')}
            </Badge>
          )}
          {mail.hasAttachments && (
            <IconPaperclip size={14} aria-label={t('mail.hasAttachments')} color="var(--mantine-color-gray-6)" />
          )}
          <Text
            size="xs"
            c={mail.read ? 'dimmed' : 'blue.7'}
            fw={mail.read ? 400 : 600}
            title={formatDateTime(mail.at, i18n.language)}
          >
            {listDate(mail.at, i18n.language)}
          </Text>
        </Group>
      </Group>
      <Text size="sm" truncate pl={14}>
        <Text span size="sm" fw={mail.read ? 500 : 700} data-testid="mail-row-subject">
          {mail.subject || t('mail.noSubject')}
        </Text>
        {mail.snippet && (
          <Text span size="sm" c="dimmed">
            {' — '}
            {mail.snippet}
          </Text>
        )}
      </Text>
      <Group gap={4} wrap="nowrap" pl={14} style={{ overflow: 'hidden' }} h={20}>
        {mail.filed === 'unfiled' && (
          <Badge size="xs" color="orange" variant="light">
            {t('mail.unfiledBadge')}
          </Badge>
        )}
        {showCards &&
          mail.cards
            .filter((card) => card.id !== hideCardId)
            .map((card) => (
              <Badge
                key={card.id}
                size="xs"
                variant="outline"
                color="gray"
                leftSection={card.type === 'person' ? <IconUser size={10} /> : <IconBuilding size={10} />}
                style={{ flexShrink: 0, textTransform: 'none' }}
              >
                {card.displayName}
              </Badge>
            ))}
      </Group>
    </UnstyledButton>
  );
}
