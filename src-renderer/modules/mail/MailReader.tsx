import { useEffect, useRef, useState } from 'react';
import {
  Anchor,
  Badge,
  Button,
  Center,
  CloseButton,
  Divider,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconArrowBackUp,
  IconBuilding,
  IconEyeOff,
  IconFolderShare,
  IconMailOpened,
  IconPhoto,
  IconUser,
  IconX,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MailDetail, MailSummary } from '../../../src-shared/contract/mail';
import { useCall, useMutate } from '../../app/contract-hooks';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatDateTime } from '../../ui/format';
import { cardPath } from '../cards/card-paths';
import { FileMailModal } from './FileMailModal';
import { MailAttachments } from './MailAttachments';
import { MailBody } from './MailBody';
import { MailRow } from './MailRow';
import { personFull, personLabel } from './mail-format';
import { replyStart } from './reply-start';
import { ComposeButton } from '../mailings/ComposeButton';

/**
 * One mail read in full: who and when, the cards it is on, what to do with it, its body, files and conversation.
 * Callers key it by the mail's id (`<MailReader key={id} …>`): "Göster" and "read on open" belong to one mail only.
 */
export function MailReader({ id, onOpenOther }: { id: string; onOpenOther: (mail: MailSummary) => void }) {
  const { t } = useTranslation();
  const [allowRemote, setAllowRemote] = useState(false);
  const { data: mail, error, isLoading } = useCall('mail.get', { id, allowRemote: false });
  // The body with remote images is asked for once, and only after "Göster": 'static' keeps every later
  // invalidation (mail.changed, any save) from downloading the images again; the header above stays live.
  const remote = useCall('mail.get', { id, allowRemote: true }, { enabled: allowRemote, staleTime: 'static' });
  useMarkReadOnOpen(mail);

  if (isLoading)
    return (
      <Center h={200}>
        <Loader size="sm" />
      </Center>
    );
  if (error || !mail)
    return (
      <Text c="red" p="md" data-testid="mail-reader-error">
        {error?.code === 'NOT_FOUND' ? t('mail.reader.notFound') : error?.message}
      </Text>
    );
  const shown = allowRemote && remote.data ? remote.data : mail;
  return (
    <Stack gap="sm" data-testid="mail-reader">
      <MailHeader mail={mail} />
      <MailCardsLine mail={mail} />
      {mail.parseProblems && (
        <Text size="xs" c="yellow.9" data-testid="mail-parse-problems">
          <IconAlertTriangle size={13} style={{ verticalAlign: -2 }} /> {mail.parseProblems}
        </Text>
      )}
      {mail.hasRemoteContent && !allowRemote && (
        <Paper radius="md" px="sm" py={6} bg="gray.1" data-testid="remote-blocked">
          <Group gap="sm" wrap="nowrap">
            <IconPhoto size={18} color="var(--mantine-color-gray-7)" style={{ flexShrink: 0 }} />
            <Text size="sm" style={{ flex: 1 }}>
              {t('mail.reader.remoteBlocked')}
            </Text>
            <Button size="compact-sm" variant="default" style={{ flexShrink: 0 }} onClick={() => setAllowRemote(true)}>
              {t('mail.reader.showRemote')}
            </Button>
          </Group>
        </Paper>
      )}
      {allowRemote && remote.error && (
        <Text size="sm" c="red" data-testid="remote-error">
          {remote.error.message}
        </Text>
      )}
      <Paper withBorder radius="md" p="md" pos="relative">
        {allowRemote && remote.isFetching && <Loader size="xs" pos="absolute" top={8} right={8} />}
        {mail.bodyPending ? (
          <Group gap="xs" c="dimmed" data-testid="mail-body-pending">
            <Loader size="xs" />
            <Text size="sm">{t('mail.reader.bodyPending')}</Text>
          </Group>
        ) : (
          <MailBody html={shown.html} text={shown.text} />
        )}
      </Paper>
      <MailAttachments attachments={mail.attachments} />
      <MailThread mail={mail} onOpen={onOpenOther} />
    </Stack>
  );
}

/** Opening an unread mail reads it, once: "Okunmadı yap" afterwards must stick while it stays open. */
function useMarkReadOnOpen(mail: MailDetail | undefined) {
  const markRead = useMutate('mail.markRead');
  const marked = useRef(new Set<string>());
  useEffect(() => {
    if (!mail || mail.read || marked.current.has(mail.id)) return;
    marked.current.add(mail.id);
    markRead.mutate({ ids: [mail.id], read: true });
    // markRead is a new object every render; the mail alone decides.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mail?.id, mail?.read]);
}

function MailHeader({ mail }: { mail: MailDetail }) {
  const { t, i18n } = useTranslation();
  const accounts = useCall('mail.accounts.list', {});
  const account = accounts.data?.find((a) => a.id === mail.accountId);
  const line = (label: string, value: string, testId: string) =>
    value ? (
      <>
        <Text size="sm" c="dimmed">
          {label}
        </Text>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid={testId}>
          {value}
        </Text>
      </>
    ) : null;
  return (
    <Stack gap={6}>
      <Group gap="xs" wrap="nowrap" align="flex-start" justify="space-between">
        <Title order={3} style={{ overflowWrap: 'anywhere' }} data-testid="mail-subject">
          {mail.subject || t('mail.noSubject')}
        </Title>
        <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
          {mail.isBounce && (
            <Badge color="red" variant="light" leftSection={<IconAlertTriangle size={12} />}>
              {t('mail.bounce')}
            </Badge>
          )}
          {mail.filed === 'unfiled' && (
            <Badge color="orange" variant="light">
              {t('mail.unfiledBadge')}
            </Badge>
          )}
          {mail.filed === 'dismissed' && (
            <Badge color="gray" variant="light">
              {t('mail.dismissedBadge')}
            </Badge>
          )}
        </Group>
      </Group>
      {/* Labels in a column as wide as the longest of them, in either language. */}
      <div style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 12, rowGap: 2 }}>
        {line(t('mail.reader.from'), mail.from ? personFull(mail.from) : '', 'mail-from')}
        {line(t('mail.reader.to'), mail.to.map(personFull).join(', '), 'mail-to')}
        {line(t('mail.reader.cc'), mail.cc.map(personFull).join(', '), 'mail-cc')}
        {line(t('mail.reader.date'), formatDateTime(mail.at, i18n.language), 'mail-date')}
        {account && line(t('mail.reader.account'), `${account.name} (${account.emailAddress})`, 'mail-account')}
      </div>
    </Stack>
  );
}

/** The cards the mail is on (a chip each, × takes it off), and filing, dismissing, unread. */
function MailCardsLine({ mail }: { mail: MailDetail }) {
  const { t, i18n } = useTranslation();
  const [filing, setFiling] = useState(false);
  const [unlinking, setUnlinking] = useState<MailDetail['cards'][number] | null>(null);
  const unlink = useMutate('mail.unlink');
  const dismiss = useMutate('mail.dismiss');
  const markRead = useMutate('mail.markRead');
  return (
    <Paper withBorder radius="md" px="sm" py={8} bg="gray.0">
      <Group justify="space-between" gap="xs">
        <Group gap={6} data-testid="mail-cards">
          <Text size="sm" c="dimmed">
            {t('mail.reader.onCards')}
          </Text>
          {mail.cards.length === 0 && (
            <Text size="sm" c="orange.8">
              {t('mail.reader.noCards')}
            </Text>
          )}
          {mail.cards.map((card) => (
            <Badge
              key={card.id}
              variant="light"
              size="lg"
              radius="sm"
              style={{ textTransform: 'none' }}
              leftSection={card.type === 'person' ? <IconUser size={13} /> : <IconBuilding size={13} />}
              rightSection={
                <Tooltip label={t('mail.reader.unlink')}>
                  <CloseButton
                    size="xs"
                    icon={<IconX size={12} />}
                    aria-label={t('mail.reader.unlinkNamed', { card: card.displayName })}
                    onClick={() => setUnlinking(card)}
                  />
                </Tooltip>
              }
              data-testid="mail-card-chip"
            >
              <Anchor component={Link} to={cardPath(card.type, card.id)} size="sm" inherit>
                {card.displayName}
              </Anchor>
              {card.linkKind !== 'manual' && (
                <Text span size="xs" c="dimmed">
                  {' · '}
                  {t(`mail.linkKinds.${card.linkKind}`)}
                </Text>
              )}
            </Badge>
          ))}
        </Group>
        <Group gap={6}>
          <Button
            size="xs"
            leftSection={<IconFolderShare size={15} />}
            variant={mail.filed === 'linked' ? 'default' : 'filled'}
            onClick={() => setFiling(true)}
            data-testid="file-mail"
          >
            {t('mail.reader.file')}
          </Button>
          {mail.filed === 'unfiled' && (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconEyeOff size={15} />}
              loading={dismiss.isPending}
              onClick={() =>
                void dismiss
                  .mutateAsync({ ids: [mail.id] })
                  .then(() => notifications.show({ message: t('mail.reader.dismissed') }))
                  .catch(() => undefined)
              }
              data-testid="dismiss-mail"
            >
              {t('mail.reader.dismiss')}
            </Button>
          )}
          {mail.direction === 'in' && mail.from && (
            // The sending screens' compose dialog, started as an answer (main threads it by replyTo).
            <ComposeButton
              size="xs"
              variant="default"
              icon={<IconArrowBackUp size={15} />}
              label={t('mail.reader.reply')}
              testId="reply-mail"
              start={replyStart(
                mail,
                mail.from,
                t('mail.reader.quoteHeader', {
                  name: personLabel(mail.from),
                  date: formatDateTime(mail.at, i18n.language),
                }),
              )}
            />
          )}
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconMailOpened size={15} />}
            disabled={!mail.read}
            loading={markRead.isPending}
            onClick={() => markRead.mutate({ ids: [mail.id], read: false })}
            data-testid="mark-unread"
          >
            {t('mail.reader.markUnread')}
          </Button>
        </Group>
      </Group>
      <FileMailModal mail={mail} opened={filing} onClose={() => setFiling(false)} />
      <ConfirmDialog
        opened={!!unlinking}
        title={t('mail.reader.unlinkTitle')}
        message={t('mail.reader.unlinkConfirm', { card: unlinking?.displayName ?? '' })}
        confirmLabel={t('mail.reader.unlink')}
        loading={unlink.isPending}
        onClose={() => setUnlinking(null)}
        onConfirm={() =>
          unlinking &&
          void unlink
            .mutateAsync({ id: mail.id, cardId: unlinking.id })
            .then(() => setUnlinking(null))
            .catch(() => undefined)
        }
      />
    </Paper>
  );
}

/** The other mails of the conversation, oldest first; each opens in the reader. */
function MailThread({ mail, onOpen }: { mail: MailDetail; onOpen: (mail: MailSummary) => void }) {
  const { t } = useTranslation();
  const others = mail.thread.filter((m) => m.id !== mail.id);
  if (others.length === 0) return null;
  return (
    <Stack gap={4} data-testid="mail-thread">
      <Divider label={t('mail.reader.thread', { count: others.length })} labelPosition="left" />
      <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
        {others.map((m) => (
          <MailRow key={m.id} mail={m} showCards={false} onOpen={() => onOpen(m)} />
        ))}
      </Paper>
    </Stack>
  );
}
