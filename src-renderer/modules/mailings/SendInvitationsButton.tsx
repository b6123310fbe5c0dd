import { useState } from 'react';
import { Alert, Badge, Button, Checkbox, Group, Menu, Modal, ScrollArea, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconMail, IconMessage, IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AttendeeOut } from '../../../src-shared/contract/agenda';
import type { Channel } from '../../../src-shared/contract/mailings';
import { turkishSortKey } from '../../../src-shared/domain/turkish-text';
import { useMutate } from '../../app/contract-hooks';

const reachable = (a: AttendeeOut, channel: Channel) => !!(channel === 'email' ? a.email : a.phone);

/**
 * "Davetiye gönder" on an event: by e-mail (the calendar invitation with its QR code) or SMS, to all attendees or
 * the ticked ones; those without an address / phone are named up front, and main's own list of skipped after.
 */
export function SendInvitationsButton({ eventId, attendees }: { eventId: string; attendees: AttendeeOut[] }) {
  const { t } = useTranslation();
  const [channel, setChannel] = useState<Channel | null>(null);
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconSend size={14} />}
            rightSection={<IconChevronDown size={12} />}
            disabled={attendees.length === 0}
            data-testid="send-invitations"
          >
            {t('mailings.invitations.button')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconMail size={14} />} onClick={() => setChannel('email')}>
            {t('mailings.invitations.email')}
          </Menu.Item>
          <Menu.Item leftSection={<IconMessage size={14} />} onClick={() => setChannel('sms')}>
            {t('mailings.invitations.sms')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {channel && (
        <InvitationsModal eventId={eventId} attendees={attendees} channel={channel} onClose={() => setChannel(null)} />
      )}
    </>
  );
}

function InvitationsModal(props: { eventId: string; attendees: AttendeeOut[]; channel: Channel; onClose: () => void }) {
  const { t } = useTranslation();
  const { channel } = props;
  const send = useMutate('agenda.sendInvitations');
  const sorted = [...props.attendees].sort((a, b) => turkishSortKey(a.name).localeCompare(turkishSortKey(b.name)));
  const withAddress = sorted.filter((a) => reachable(a, channel));
  const without = sorted.filter((a) => !reachable(a, channel));
  // Those not yet invited are ticked to start with: sending twice to the same person is the thing to avoid.
  const [picked, setPicked] = useState<string[]>(() => withAddress.filter((a) => !a.invitedAt).map((a) => a.id));
  const [skipped, setSkipped] = useState<{ name: string; reason: string }[] | null>(null);
  const doSend = async () => {
    const result = await send.mutateAsync({ eventId: props.eventId, channel, attendeeIds: picked });
    notifications.show({
      color: 'green',
      title: t('mailings.compose.queued'),
      message: t('mailings.invitations.queued', { count: result.queued }),
    });
    if (result.skipped.length) setSkipped(result.skipped);
    else props.onClose();
  };
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={t(channel === 'email' ? 'mailings.invitations.titleEmail' : 'mailings.invitations.titleSms')}
      size={560}
      data-testid="invitations-modal"
    >
      {skipped ? (
        <Stack gap="sm">
          <Alert
            color="orange"
            variant="light"
            title={t('mailings.invitations.skippedTitle', { count: skipped.length })}
          >
            <Stack gap={2}>
              {skipped.map((s, i) => (
                <Text key={i} size="sm">
                  {s.name}: {s.reason}
                </Text>
              ))}
            </Stack>
          </Alert>
          <Group justify="flex-end">
            <Button onClick={props.onClose}>{t('common.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="sm">
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {t('mailings.invitations.pickedCount', { count: picked.length, total: withAddress.length })}
            </Text>
            <Group gap="xs">
              <Button size="compact-xs" variant="subtle" onClick={() => setPicked(withAddress.map((a) => a.id))}>
                {t('mailings.invitations.all')}
              </Button>
              <Button size="compact-xs" variant="subtle" onClick={() => setPicked([])}>
                {t('mailings.invitations.none')}
              </Button>
            </Group>
          </Group>
          <ScrollArea.Autosize mah={320}>
            <Checkbox.Group value={picked} onChange={setPicked}>
              <Stack gap={6}>
                {withAddress.map((a) => (
                  <Checkbox
                    key={a.id}
                    value={a.id}
                    label={
                      <Group gap={6}>
                        <Text size="sm">{a.name}</Text>
                        <Text size="xs" c="dimmed">
                          {channel === 'email' ? a.email : a.phone}
                        </Text>
                        {a.invitedAt && (
                          <Badge size="xs" variant="light" color="gray">
                            {t('mailings.invitations.alreadyInvited')}
                          </Badge>
                        )}
                      </Group>
                    }
                  />
                ))}
              </Stack>
            </Checkbox.Group>
          </ScrollArea.Autosize>
          {without.length > 0 && (
            <Alert color="orange" variant="light" data-testid="invitations-unreachable">
              <Text size="sm" fw={500}>
                {t(channel === 'email' ? 'mailings.invitations.noEmail' : 'mailings.invitations.noPhone', {
                  count: without.length,
                })}
              </Text>
              <Text size="sm">{without.map((a) => a.name).join(', ')}</Text>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              leftSection={<IconSend size={16} />}
              disabled={picked.length === 0}
              loading={send.isPending}
              onClick={() => void doSend().catch(() => undefined)}
              data-testid="invitations-send"
            >
              {t('mailings.invitations.send', { count: picked.length })}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
