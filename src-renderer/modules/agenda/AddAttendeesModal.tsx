import { useState } from 'react';
import { Button, Group, Modal, MultiSelect, SimpleGrid, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBuilding, IconUser, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ContractError } from '../../../src-shared/contract';
import type { EventOut } from '../../../src-shared/contract/agenda';
import { useCall, useMutate } from '../../app/contract-hooks';
import { foldedFilter } from '../../ui/folded-filter';
import { CardMultiPicker } from './CardMultiPicker';

type Tab = 'persons' | 'staff' | 'external';

const emptyGuest = { name: '', email: '', phone: '', institutionName: '', roleTitle: '' };

/**
 * "Katılımcı ekle": persons from the cards (several at once), colleagues, or someone with no card by name and
 * e-mail. Those already on the list are not offered again.
 */
export function AddAttendeesModal(props: { event: EventOut; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('agenda.attendees.addTitle')} size="lg" centered>
      {props.opened && <AddBody event={props.event} onClose={props.onClose} />}
    </Modal>
  );
}

function AddBody({ event, onClose }: { event: EventOut; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useMutate('agenda.addAttendees');
  const users = useCall('users.list', {});
  const [tab, setTab] = useState<Tab>('persons');
  const [cardIds, setCardIds] = useState<string[]>([]);
  const [userIds, setUserIds] = useState<string[]>([]);
  const [guest, setGuest] = useState(emptyGuest);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const listedCards = new Set(event.attendees.map((a) => a.card?.id).filter(Boolean));
  const listedUsers = new Set(event.attendees.map((a) => a.user?.id).filter(Boolean));
  const staffOptions = (users.data?.users ?? [])
    .filter((u) => !listedUsers.has(u.id))
    .map((u) => ({ value: u.id, label: u.name }));
  const newCards = cardIds.filter((id) => !listedCards.has(id));

  const ready =
    tab === 'persons' ? newCards.length > 0 : tab === 'staff' ? userIds.length > 0 : guest.name.trim() !== '';

  const submit = async () => {
    setFieldErrors({});
    const attendees =
      tab === 'persons'
        ? newCards.map((cardId) => ({ kind: 'person' as const, cardId }))
        : tab === 'staff'
          ? userIds.map((userId) => ({ kind: 'staff' as const, userId }))
          : [{ kind: 'external' as const, ...guest }];
    try {
      const saved = await add.mutateAsync({ eventId: event.id, attendees });
      notifications.show({
        color: 'green',
        message: t('agenda.attendees.added', { count: saved.attendees.length - event.attendees.length }),
      });
      if (tab === 'external') setGuest(emptyGuest);
      else onClose();
    } catch (error) {
      // attendees.0.email → email: the guest form has one row.
      if (error instanceof ContractError && error.fields)
        setFieldErrors(
          Object.fromEntries(Object.entries(error.fields).map(([path, m]) => [path.split('.').pop() ?? path, m])),
        );
    }
  };

  const guestField = (key: keyof typeof emptyGuest, label: string, required = false) => (
    <TextInput
      label={label}
      withAsterisk={required}
      value={guest[key]}
      onChange={(e) => setGuest({ ...guest, [key]: e.currentTarget.value })}
      error={fieldErrors[key]}
      data-testid={`guest-${key}`}
    />
  );

  return (
    <Stack gap="sm">
      <Tabs value={tab} onChange={(v) => v && setTab(v as Tab)}>
        <Tabs.List>
          <Tabs.Tab value="persons" leftSection={<IconUser size={14} />}>
            {t('agenda.attendees.fromCards')}
          </Tabs.Tab>
          <Tabs.Tab value="staff" leftSection={<IconUsers size={14} />}>
            {t('agenda.attendees.staff')}
          </Tabs.Tab>
          <Tabs.Tab value="external" leftSection={<IconBuilding size={14} />} data-testid="tab-external">
            {t('agenda.attendees.external')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="persons" pt="sm">
          <CardMultiPicker
            label={t('agenda.attendees.persons')}
            placeholder={t('agenda.attendees.personsHint')}
            types={['person']}
            value={cardIds}
            onChange={(ids) => setCardIds(ids)}
            error={fieldErrors.cardId}
            testId="attendee-persons"
          />
          {cardIds.length > newCards.length && (
            <Text size="xs" c="dimmed" mt={4}>
              {t('agenda.attendees.alreadyListed', { count: cardIds.length - newCards.length })}
            </Text>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="staff" pt="sm">
          <MultiSelect
            label={t('agenda.attendees.staffPick')}
            data={staffOptions}
            value={userIds}
            onChange={setUserIds}
            searchable
            filter={foldedFilter}
            error={fieldErrors.userId}
            data-testid="attendee-staff"
          />
        </Tabs.Panel>
        <Tabs.Panel value="external" pt="sm">
          <Stack gap="xs">
            {guestField('name', t('agenda.attendees.name'), true)}
            <SimpleGrid cols={2} spacing="xs">
              {guestField('email', t('agenda.attendees.email'))}
              {guestField('phone', t('agenda.attendees.phone'))}
              {guestField('institutionName', t('agenda.attendees.institution'))}
              {guestField('roleTitle', t('agenda.attendees.role'))}
            </SimpleGrid>
          </Stack>
        </Tabs.Panel>
      </Tabs>
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onClose}>
          {t('common.close')}
        </Button>
        <Button
          leftSection={<IconUserPlus size={16} />}
          disabled={!ready}
          loading={add.isPending}
          onClick={() => void submit()}
          data-testid="attendees-submit"
        >
          {t('agenda.attendees.addButton')}
        </Button>
      </Group>
    </Stack>
  );
}
