import { useState } from 'react';
import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { HashRouter, Navigate, Route, Routes } from 'react-router';
import type { Client } from './client';
import { ClientProvider } from './contract-hooks';
import { theme } from './theme';
import { Shell } from './Shell';
import { PersonsPage } from '../modules/cards/PersonsPage';
import { InstitutionsPage } from '../modules/cards/InstitutionsPage';
import { PersonCard } from '../modules/cards/PersonCard';
import { InstitutionCard } from '../modules/cards/InstitutionCard';
import { SegmentsPage } from '../modules/segments/SegmentsPage';
import { DuplicatesPage } from '../modules/duplicates/DuplicatesPage';
import { TransferPage } from '../modules/transfer/TransferPage';
import { CriteriaAdminPage } from '../modules/criteria/CriteriaAdminPage';
import { SearchPage } from '../modules/search/SearchPage';
import { InboxPage } from '../modules/inbox/InboxPage';
import { DocumentPage } from '../modules/documents/DocumentPage';
import { NotePage } from '../modules/notes/NotePage';
import { TeamNotesPage } from '../modules/notes/TeamNotesPage';
import { ComplaintsPage } from '../modules/notes/ComplaintsPage';
import { ReasonsAdminPage } from '../modules/notes/ReasonsAdminPage';
import { PlannerPage } from '../modules/planner/PlannerPage';
import { TasksPage } from '../modules/tasks/TasksPage';
import { TaskPage } from '../modules/tasks/TaskPage';
import { AgendaPage } from '../modules/agenda/AgendaPage';
import { EventPage } from '../modules/agenda/EventPage';
import { CheckInPage } from '../modules/agenda/CheckInPage';
import { CalendarsAdminPage } from '../modules/agenda/CalendarsAdminPage';
import { MailingsPage } from '../modules/mailings/MailingsPage';
import { MailingNewPage } from '../modules/mailings/MailingForm';
import { MailingPage } from '../modules/mailings/MailingPage';
import { TemplatesPage } from '../modules/mailings/TemplatesPage';
import { SmsAccountsPage } from '../modules/mailings/SmsAccountsPage';
import { MailPage } from '../modules/mail/MailPage';
import { MailMessagePage } from '../modules/mail/MailMessagePage';
import { MailAccountsPage } from '../modules/mail/MailAccountsPage';

export function App({ client }: { client: Client }) {
  const { i18n } = useTranslation();
  const [queryClient] = useState(
    () =>
      new QueryClient({
        // Main pushes change events, so data is fresh until an event says otherwise.
        defaultOptions: { queries: { staleTime: 60_000, retry: false, refetchOnWindowFocus: false } },
      }),
  );
  return (
    <MantineProvider theme={theme}>
      <DatesProvider settings={{ locale: i18n.language === 'en' ? 'en' : 'tr', firstDayOfWeek: 1 }}>
        <Notifications position="bottom-right" />
        <QueryClientProvider client={queryClient}>
          <ClientProvider client={client}>
            <HashRouter>
              <Routes>
                <Route element={<Shell />}>
                  <Route index element={<Navigate to="/persons" replace />} />
                  <Route path="persons" element={<PersonsPage />} />
                  <Route path="persons/:id" element={<PersonCard />} />
                  <Route path="institutions" element={<InstitutionsPage />} />
                  <Route path="institutions/:id" element={<InstitutionCard />} />
                  <Route path="segments" element={<SegmentsPage />} />
                  <Route path="segments/:id" element={<SegmentsPage />} />
                  <Route path="duplicates" element={<DuplicatesPage />} />
                  <Route path="transfer" element={<TransferPage />} />
                  <Route path="inbox" element={<InboxPage />} />
                  <Route path="documents/:id" element={<DocumentPage />} />
                  <Route path="settings/criteria" element={<CriteriaAdminPage />} />
                  <Route path="notes/team" element={<TeamNotesPage />} />
                  <Route path="notes/:id" element={<NotePage />} />
                  <Route path="complaints" element={<ComplaintsPage />} />
                  <Route path="settings/note-reasons" element={<ReasonsAdminPage />} />
                  <Route path="search" element={<SearchPage />} />
                  <Route path="today" element={<PlannerPage />} />
                  <Route path="tasks" element={<TasksPage />} />
                  <Route path="tasks/:id" element={<TaskPage />} />
                  <Route path="agenda" element={<AgendaPage />} />
                  <Route path="agenda/events/:id" element={<EventPage />} />
                  <Route path="agenda/events/:id/check-in" element={<CheckInPage />} />
                  <Route path="settings/calendars" element={<CalendarsAdminPage />} />
                  <Route path="mailings" element={<MailingsPage />} />
                  <Route path="mailings/new" element={<MailingNewPage />} />
                  <Route path="mailings/:id" element={<MailingPage />} />
                  <Route path="settings/templates" element={<TemplatesPage />} />
                  <Route path="settings/sms" element={<SmsAccountsPage />} />
                  <Route path="mail" element={<MailPage />} />
                  <Route path="mail/:id" element={<MailMessagePage />} />
                  <Route path="settings/mail" element={<MailAccountsPage />} />
                  <Route path="*" element={<Navigate to="/persons" replace />} />
                </Route>
              </Routes>
            </HashRouter>
          </ClientProvider>
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  );
}
