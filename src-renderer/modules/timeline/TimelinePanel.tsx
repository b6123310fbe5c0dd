import { useEffect, useState } from 'react';
import {
  Anchor,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Text,
  ThemeIcon,
  Timeline,
  Tooltip,
  type TimelineItemProps,
} from '@mantine/core';
import { useInfiniteQuery, type InfiniteData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { CallOutput, ContractError } from '../../../src-shared/contract';
import type { TimelineCursor, TimelineEntry } from '../../../src-shared/contract/timeline';
import { useClient } from '../../app/contract-hooks';
import { intlLocale } from '../../app/i18n';
import { formatDateTime } from '../../ui/format';
import { cardPath } from '../cards/card-paths';
import { noteIdOfEntry, notePath } from '../notes/note-paths';
import { mailPath } from '../mail/mail-paths';
import { KIND_LOOK } from './kind-look';
import { relativeTime } from './relative-time';

const PAGE = 30;

/** Everything that happened with a card, newest first; "Daha fazla" loads older entries. */
export function TimelinePanel({ cardId }: { cardId: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const now = useNow();
  // The key starts with the method, like useCall's: a card change event refetches every loaded page.
  const query = useInfiniteQuery<
    CallOutput<'timeline.forCard'>,
    ContractError,
    InfiniteData<CallOutput<'timeline.forCard'>>,
    unknown[],
    TimelineCursor | null
  >({
    queryKey: ['timeline.forCard', { cardId }],
    queryFn: ({ pageParam }) =>
      client.call('timeline.forCard', { cardId, limit: PAGE, ...(pageParam ? { before: pageParam } : {}) }),
    initialPageParam: null,
    getNextPageParam: (last) => last.next,
  });

  if (query.isLoading)
    return (
      <Center h={120}>
        <Loader size="sm" />
      </Center>
    );
  const entries = query.data?.pages.flatMap((p) => p.entries) ?? [];
  return (
    <Paper withBorder p="md" data-testid="timeline">
      {query.error && <Text c="red">{query.error.message}</Text>}
      {!query.error && entries.length === 0 && <Text c="dimmed">{t('timeline.empty')}</Text>}
      <Timeline bulletSize={26} lineWidth={2}>
        {entries.map((entry) => (
          <TimelineItem key={entry.id} entry={entry} now={now} />
        ))}
      </Timeline>
      {query.hasNextPage && (
        <Group justify="center" mt="md">
          <Button
            variant="default"
            size="xs"
            onClick={() => void query.fetchNextPage()}
            loading={query.isFetchingNextPage}
          >
            {t('timeline.more')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}

/** The time, renewed every minute, so "şimdi" becomes "5 dakika önce" while the card stays open. */
function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** Where an entry of another module opens, from its id ("note:…", "task:…", "event:…", "mail:…"); null for card history. */
function entryTarget(entry: TimelineEntry, fromCard: string): string | null {
  const noteId = entry.kind === 'note' ? noteIdOfEntry(entry.id) : null;
  if (noteId) return notePath(noteId, fromCard);
  if (entry.kind === 'task' && entry.id.startsWith('task:')) return `/tasks/${entry.id.slice('task:'.length)}`;
  if (entry.kind === 'event' && entry.id.startsWith('event:'))
    return `/agenda/events/${entry.id.slice('event:'.length)}`;
  if (entry.kind === 'mail' && entry.id.startsWith('mail:')) return mailPath(entry.id.slice('mail:'.length), fromCard);
  return null;
}

function TimelineItem({ entry, now, ...rest }: { entry: TimelineEntry; now: Date } & TimelineItemProps) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const look = KIND_LOOK[entry.kind];
  const Icon = look.icon;
  // Audit actions in the card history's own words; one no one has worded yet shows its name.
  const worded = entry.action ? t(`cards.audit.${entry.action}`, { defaultValue: entry.title }) : entry.title;
  // A note's, task's or event's title opens it (a note's page leads back to this card's timeline).
  const target = entryTarget(entry, location.pathname + location.search);
  const headline = target ? (
    <Anchor component={Link} to={target} inherit>
      {worded}
    </Anchor>
  ) : (
    worded
  );
  const fields = entry.fields?.map((f) => t(`timeline.fields.${f}`, { defaultValue: f })).join(', ');
  return (
    // Mantine's Timeline hands its items props (alignment, active line) through this wrapper.
    <Timeline.Item
      {...rest}
      data-testid="timeline-entry"
      bullet={
        <ThemeIcon size={26} radius="xl" variant="light" color={look.color}>
          <Icon size={15} />
        </ThemeIcon>
      }
      title={
        <Group justify="space-between" align="baseline" gap="xs" wrap="nowrap">
          <Text size="sm" fw={500}>
            {headline}
            {fields && (
              <Text span size="sm" fw={400} c="dimmed">
                {' — '}
                {fields}
              </Text>
            )}
          </Text>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            <Tooltip label={formatDateTime(entry.at, i18n.language)} openDelay={300} position="left">
              <time dateTime={entry.at}>{relativeTime(entry.at, now, intlLocale(i18n.language))}</time>
            </Tooltip>
            {entry.userName && ` · ${entry.userName}`}
          </Text>
        </Group>
      }
    >
      {entry.link && (
        <Anchor component={Link} to={cardPath(entry.link.type, entry.link.id)} size="sm">
          {entry.link.label}
        </Anchor>
      )}
      {entry.detail && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lineClamp={4}>
          {entry.detail}
        </Text>
      )}
    </Timeline.Item>
  );
}
