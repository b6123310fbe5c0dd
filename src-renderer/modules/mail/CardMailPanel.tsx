import { useState } from 'react';
import { Button, Center, Group, Loader, Paper, Stack, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CallInput } from '../../../src-shared/contract';
import type { CardType } from '../../../src-shared/contract/cards';
import type { MailSummary } from '../../../src-shared/contract/mail';
import { useCall } from '../../app/contract-hooks';
import { cardPath } from '../cards/card-paths';
import { MailRow } from './MailRow';
import { mailPath } from './mail-paths';

const PAGE = 30;

/** The card's "E-posta" tab: the mail it is on (incoming and sent), newest first; a row opens the reader. */
export function CardMailPanel({ card }: { card: { id: string; type: CardType } }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // Pages of PAGE rows by offset: "Daha fazla" adds a page instead of asking for ever more rows at once.
  const [pages, setPages] = useState(1);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const { data, isLoading, error } = useCall(
    'mail.list',
    { cardId: card.id, unreadOnly, offset: 0, limit: PAGE },
    { keepPrevious: true },
  );
  const here = `${cardPath(card.type, card.id)}?tab=mail`;
  return (
    <Stack gap="sm" data-testid="card-mail-panel">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {data ? t('mail.cardTab.count', { count: data.total, unread: data.unread }) : ''}
        </Text>
        <Switch
          size="sm"
          label={t('mail.unreadOnly')}
          checked={unreadOnly}
          onChange={(e) => {
            setUnreadOnly(e.currentTarget.checked);
            setPages(1);
          }}
        />
      </Group>
      {isLoading && (
        <Center h={120}>
          <Loader size="sm" />
        </Center>
      )}
      {error && <Text c="red">{error.message}</Text>}
      {data && data.total === 0 && <Text c="dimmed">{t(unreadOnly ? 'mail.emptyUnread' : 'mail.cardTab.empty')}</Text>}
      {data && data.rows.length > 0 && (
        <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
          {data.rows.map((mail) => (
            <MailRow
              key={mail.id}
              mail={mail}
              hideCardId={card.id}
              onOpen={() => void navigate(mailPath(mail.id, here))}
            />
          ))}
          {Array.from({ length: pages - 1 }, (_, i) => (
            <MorePage
              key={i}
              filter={{ cardId: card.id, unreadOnly, offset: (i + 1) * PAGE, limit: PAGE }}
              hideCardId={card.id}
              onOpen={(mail) => void navigate(mailPath(mail.id, here))}
            />
          ))}
        </Paper>
      )}
      {data && pages * PAGE < data.total && (
        <Group justify="center">
          <Button variant="default" size="xs" onClick={() => setPages((p) => p + 1)} data-testid="card-mail-more">
            {t('mail.more')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** One further page of the card's mail, asked for on its own so no call exceeds the contract's row cap. */
function MorePage(props: { filter: CallInput<'mail.list'>; hideCardId: string; onOpen: (mail: MailSummary) => void }) {
  const { data, isLoading, error } = useCall('mail.list', props.filter);
  if (isLoading)
    return (
      <Center h={60}>
        <Loader size="sm" />
      </Center>
    );
  if (error)
    return (
      <Text c="red" p="sm" size="sm">
        {error.message}
      </Text>
    );
  return (
    <>
      {data?.rows.map((mail) => (
        <MailRow key={mail.id} mail={mail} hideCardId={props.hideCardId} onOpen={() => props.onOpen(mail)} />
      ))}
    </>
  );
}
