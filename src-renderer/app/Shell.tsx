import {
  AppShell,
  Group,
  NavLink,
  ScrollArea,
  SegmentedControl,
  Stack,
  Text,
  Title,
  UnstyledButton,
  Kbd,
} from '@mantine/core';
import {
  IconAddressBook,
  IconAdjustments,
  IconBuilding,
  IconCalendar,
  IconCalendarCog,
  IconChecklist,
  IconSun,
  IconCopy,
  IconFileImport,
  IconInbox,
  IconMail,
  IconMailCog,
  IconMailForward,
  IconMessageCog,
  IconTemplate,
  IconMessageReport,
  IconListDetails,
  IconFilter,
  IconSearch,
  IconUsers,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useHotkeys } from '@mantine/hooks';
import { spotlight } from '@mantine/spotlight';
import { GlobalSearch } from './GlobalSearch';
import { setLanguage, type Language } from './i18n';
import { InboxNavBadge } from '../modules/inbox/InboxNavBadge';
import { ExtractionIndicator } from '../modules/documents/ExtractionIndicator';
import { NotificationsBell } from '../modules/planner/NotificationsBell';
import { UserSwitcher } from '../modules/planner/UserSwitcher';
import { useDocumentLiveUpdates } from '../modules/documents/useDocumentLiveUpdates';
import { ComplaintsNavBadge } from '../modules/notes/ComplaintsNavBadge';
import { useNotesLiveUpdates } from '../modules/notes/useNotesLiveUpdates';
import { useTasksLiveUpdates } from '../modules/tasks/useTasksLiveUpdates';
import { useTeamNotesNav } from '../modules/notes/team-notes-nav';
import { MailNavBadge } from '../modules/mail/MailNavBadge';
import { useMailingsLiveUpdates } from '../modules/mailings/useMailingsLiveUpdates';

/** Mac keyboards say ⌘, everyone else Ctrl. */
const SEARCH_SHORTCUT = /Mac|iPhone|iPad/.test(navigator.userAgent) ? '⌘K' : 'Ctrl+K';

export function Shell() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  // Ctrl/Cmd+N from anywhere (also while typing): a new card of the section on screen.
  const section = location.pathname.startsWith('/institutions') ? '/institutions' : '/persons';
  useHotkeys([['mod+N', () => void navigate(`${section}?new=1`)]], []);
  useDocumentLiveUpdates();
  useNotesLiveUpdates();
  useTasksLiveUpdates();
  useMailingsLiveUpdates();
  const teamNotesNav = useTeamNotesNav();
  const nav = [
    { to: '/today', label: t('planner.title'), icon: IconSun },
    { to: '/agenda', label: t('agenda.title'), icon: IconCalendar },
    { to: '/tasks', label: t('tasks.title'), icon: IconChecklist },
    { to: '/persons', label: t('nav.persons'), icon: IconUsers },
    { to: '/institutions', label: t('nav.institutions'), icon: IconBuilding },
    {
      to: '/mail',
      label: (
        <Group gap={6} wrap="nowrap" justify="space-between">
          {t('mail.title')}
          <MailNavBadge />
        </Group>
      ),
      icon: IconMail,
    },
    { to: '/mailings', label: t('mailings.title'), icon: IconMailForward },
    {
      to: '/inbox',
      // The count sits in the label: a right section's margin would cut "Dosyalanacaklar" short.
      label: (
        <Group gap={6} wrap="nowrap" justify="space-between">
          {t('inbox.title')}
          <InboxNavBadge />
        </Group>
      ),
      icon: IconInbox,
    },
    {
      to: '/complaints',
      label: (
        <Group gap={6} wrap="nowrap" justify="space-between">
          {t('notes.complaints.title')}
          <ComplaintsNavBadge />
        </Group>
      ),
      icon: IconMessageReport,
    },
    ...teamNotesNav,
    { to: '/segments', label: t('segments.title'), icon: IconFilter },
    { to: '/duplicates', label: t('duplicates.title'), icon: IconCopy },
    { to: '/transfer', label: t('transfer.title'), icon: IconFileImport },
    { to: '/settings/criteria', label: t('criteria.title'), icon: IconAdjustments },
    { to: '/settings/note-reasons', label: t('notes.reasons.title'), icon: IconListDetails },
    { to: '/settings/calendars', label: t('agenda.calendarsAdmin'), icon: IconCalendarCog },
    { to: '/settings/mail', label: t('mail.accounts.title'), icon: IconMailCog },
    { to: '/settings/templates', label: t('mailings.templates.title'), icon: IconTemplate },
    { to: '/settings/sms', label: t('mailings.sms.title'), icon: IconMessageCog },
  ];
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <IconAddressBook size={26} color="var(--mantine-color-blue-6)" />
            <Title order={4}>{t('app.name')}</Title>
          </Group>
          <UnstyledButton
            onClick={() => spotlight.open()}
            aria-label={t('search.open')}
            data-testid="global-search-button"
            style={{
              flex: '0 1 460px',
              border: '1px solid var(--mantine-color-gray-3)',
              borderRadius: 8,
              padding: '6px 10px',
              color: 'var(--mantine-color-dimmed)',
            }}
          >
            <Group justify="space-between" wrap="nowrap">
              <Group gap={8} wrap="nowrap">
                <IconSearch size={16} />
                <Text size="sm" c="dimmed" truncate>
                  {t('search.placeholder')}
                </Text>
              </Group>
              <Kbd size="xs">{SEARCH_SHORTCUT}</Kbd>
            </Group>
          </UnstyledButton>
          <Group gap="md" wrap="nowrap">
            <ExtractionIndicator />
            <NotificationsBell />
            <UserSwitcher />
            <SegmentedControl
              size="xs"
              aria-label={t('nav.language')}
              value={i18n.language}
              onChange={(value) => void setLanguage(value as Language)}
              data={[
                { value: 'tr', label: 'TR' },
                { value: 'en', label: 'EN' },
              ]}
            />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        {/* More sections than a laptop screen is tall: the list scrolls rather than running off the bottom. */}
        <AppShell.Section grow component={ScrollArea} type="hover" scrollbarSize={6}>
          <Stack gap={4}>
            {nav.map((item) => (
              <NavLink
                key={item.to}
                component={RouterLink}
                to={item.to}
                label={item.label}
                leftSection={<item.icon size={18} />}
                // A whole segment: /mail must not light up on /mailings.
                active={location.pathname === item.to || location.pathname.startsWith(`${item.to}/`)}
              />
            ))}
          </Stack>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main h="100dvh" style={{ display: 'flex', flexDirection: 'column' }}>
        <Outlet />
      </AppShell.Main>
      <GlobalSearch />
    </AppShell>
  );
}
