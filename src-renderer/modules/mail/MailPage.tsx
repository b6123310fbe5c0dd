import { Anchor, Box, Center, Group, Paper, SegmentedControl, Select, Stack, Switch, Text, Title } from '@mantine/core';
import { IconMail, IconSettings } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { MAIL_VIEWS, type MailSummary } from '../../../src-shared/contract/mail';
import { useCall } from '../../app/contract-hooks';
import { useMe } from '../criteria/use-me';
import { MailList } from './MailList';
import { MailReader } from './MailReader';
import { MAIL_SETTINGS_PATH } from './mail-paths';

type MailView = (typeof MAIL_VIEWS)[number];
const isView = (v: string | null): v is MailView => !!v && (MAIL_VIEWS as readonly string[]).includes(v);

/**
 * "E-posta": the stored mail by view (all, incoming, sent, waiting to be filed, and the team's unread for
 * managers), one account or all, unread only if asked. Desk screens are wide: the chosen mail opens beside
 * the list. The view, filters and the open mail live in the address, so back/forward and reload keep them.
 */
export function MailPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { me } = useMe();
  const hasTeam = me?.role === 'manager' || me?.role === 'admin';
  const requested = params.get('view');
  const view: MailView = isView(requested) && (requested !== 'team_unread' || hasTeam) ? requested : 'all';
  const accountId = params.get('account');
  const unreadOnly = params.get('unread') === '1';
  const openId = params.get('open');
  const counts = useCall('mail.counts', {});
  const accounts = useCall('mail.accounts.list', {});

  const change = (key: string, value: string | null, keepOpen = false) =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      if (value) next.set(key, value);
      else next.delete(key);
      if (!keepOpen) next.delete('open');
      return next;
    });
  const open = (mail: MailSummary) => change('open', mail.id, true);

  // A count in the segment's own text: a badge inside a segmented control loses its colours.
  const label = (text: string, count: number | undefined, testId: string) => (
    <span>
      {text}
      {!!count && (
        <Text span inherit fw={700} c="orange.8" data-testid={testId}>
          {` (${count})`}
        </Text>
      )}
    </span>
  );
  const views = [
    { value: 'all', label: t('mail.views.all') },
    { value: 'inbox', label: t('mail.views.inbox') },
    { value: 'sent', label: t('mail.views.sent') },
    { value: 'unfiled', label: label(t('mail.views.unfiled'), counts.data?.unfiled, 'view-unfiled-count') },
    ...(hasTeam
      ? [
          {
            value: 'team_unread',
            label: label(t('mail.views.team_unread'), counts.data?.unreadTeam, 'view-team-count'),
          },
        ]
      : []),
  ];
  const noAccounts = accounts.isSuccess && accounts.data.length === 0;

  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }} data-testid="mail-page">
      <Group justify="space-between" wrap="nowrap">
        <Title order={2}>{t('mail.title')}</Title>
        <Anchor component={Link} to={MAIL_SETTINGS_PATH} size="sm">
          <Group gap={4} wrap="nowrap">
            <IconSettings size={16} />
            {t('mail.accounts.title')}
          </Group>
        </Anchor>
      </Group>
      <Group gap="sm" wrap="wrap">
        <SegmentedControl
          aria-label={t('mail.views.label')}
          value={view}
          onChange={(value) => change('view', value === 'all' ? null : value)}
          data={views}
          data-testid="mail-views"
        />
        <Select
          aria-label={t('mail.accountFilter')}
          placeholder={t('mail.allAccounts')}
          clearable
          w={240}
          value={accountId}
          onChange={(value) => change('account', value)}
          data={(accounts.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
        />
        <Switch
          label={t('mail.unreadOnly')}
          checked={unreadOnly}
          onChange={(e) => change('unread', e.currentTarget.checked ? '1' : null)}
          data-testid="unread-only"
        />
      </Group>
      {noAccounts && (
        <Text size="sm" c="dimmed">
          {t('mail.noAccounts')}{' '}
          <Anchor component={Link} to={MAIL_SETTINGS_PATH} size="sm">
            {t('mail.accounts.title')}
          </Anchor>
        </Text>
      )}
      <Group align="stretch" wrap="nowrap" gap="md" style={{ flex: 1, minHeight: 0 }}>
        <Box w={460} style={{ flexShrink: 0, display: 'flex', flexDirection: 'column', minHeight: 0 }}>
          <MailList
            filter={{ view, unreadOnly, ...(accountId ? { accountId } : {}) }}
            selectedId={openId}
            onOpen={open}
            empty={t(unreadOnly ? 'mail.emptyUnread' : `mail.empty.${view}`)}
          />
        </Box>
        <Paper withBorder radius="md" p="md" style={{ flex: 1, minWidth: 0, overflow: 'auto' }}>
          {openId ? (
            <MailReader key={openId} id={openId} onOpenOther={open} />
          ) : (
            <Center h="100%">
              <Stack align="center" gap={6} c="dimmed">
                <IconMail size={40} stroke={1.2} />
                <Text size="sm">{t('mail.pickOne')}</Text>
              </Stack>
            </Center>
          )}
        </Paper>
      </Group>
    </Stack>
  );
}
