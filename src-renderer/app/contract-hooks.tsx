import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { type ContractError, type CallInput, type CallOutput, type Method } from '../../src-shared/contract';
import type { Client } from './client';

const ClientContext = createContext<Client | null>(null);

/** Provides the client and turns main's events into fresh data (react-query invalidation). */
export function ClientProvider({ client, children }: { client: Client; children: ReactNode }) {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      client.onEvent(
        (event) => {
          // A changed card can show up in any list, search or history: refetch what is on screen.
          // Another user at the desk: every screen is theirs now (their planner, their bell, their rights).
          if (event.name === 'cards.changed' || event.name === 'segments.changed' || event.name === 'users.switched') {
            void queryClient.invalidateQueries();
          }
        },
        () => void queryClient.invalidateQueries(),
      ),
    [client, queryClient],
  );
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

export function useClient(): Client {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient outside ClientProvider');
  return client;
}

export function useCall<M extends Method>(
  method: M,
  input: CallInput<M>,
  options: Omit<UseQueryOptions<CallOutput<M>, ContractError>, 'queryKey' | 'queryFn'> & {
    keepPrevious?: boolean;
  } = {},
) {
  const client = useClient();
  const { keepPrevious, ...rest } = options;
  return useQuery<CallOutput<M>, ContractError>({
    queryKey: [method, input],
    queryFn: () => client.call(method, input),
    ...(keepPrevious ? { placeholderData: keepPreviousData } : {}),
    ...rest,
  });
}

/** A write: errors are shown to the person as a notification with main's message. */
export function useMutate<M extends Method>(method: M) {
  const client = useClient();
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  return useMutation<CallOutput<M>, ContractError, CallInput<M>>({
    mutationFn: (input) => client.call(method, input),
    onSuccess: () => queryClient.invalidateQueries(),
    onError: (error) => {
      notifications.show({ color: 'red', title: t('common.error'), message: error.message, autoClose: 8000 });
    },
  });
}
