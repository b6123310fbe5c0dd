import { useState } from 'react';
import { Button, Center, Group, Loader, Paper, Stack, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CardType } from '../../../src-shared/contract/cards';
import { useCall } from '../../app/contract-hooks';
import { cardPath } from '../cards/card-paths';
import { MailRow } from './MailRow';
import { mailPath } from './mail-paths';

const PAGE = 30;

/** The card's "E-posta" tab: the mail it is on (incoming and sent), newest first; a row opens the reader. */
export function CardMailPanel({ card }: { card: { id: string; type: CardType } }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [limit, setLimit] = useState(PAGE);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const { data, isLoading, error } = useCall(
    'mail.list',
    { cardId: card.id, unreadOnly, limit },
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
          onChange={(e) => setUnreadOnly(e.currentTarget.checked)}
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
        </Paper>
      )}
      {data && data.rows.length < data.total && (
        <Group justify="center">
          <Button variant="default" size="xs" onClick={() => setLimit((l) => l + PAGE)}>
            {t('mail.more')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
