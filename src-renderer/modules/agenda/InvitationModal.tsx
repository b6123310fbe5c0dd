import { Alert, Button, Center, CopyButton, Group, Image, Loader, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconCheck, IconCopy, IconDownload, IconMailForward } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AttendeeOut } from '../../../src-shared/contract/agenda';
import { useCall, useMutate } from '../../app/contract-hooks';
import { saveIcs } from './downloads';

/**
 * One attendee's invitation: the QR code of their personal code (shown at the door), the SMS text and the
 * calendar file; until mail and SMS sending land, the person sends it themselves and marks it here.
 */
export function InvitationModal(props: { attendee: AttendeeOut | null; eventTitle: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.attendee !== null}
      onClose={props.onClose}
      title={props.attendee ? t('agenda.invitation.title', { name: props.attendee.name }) : ''}
      size="md"
      centered
    >
      {props.attendee && <InvitationBody attendee={props.attendee} eventTitle={props.eventTitle} />}
    </Modal>
  );
}

function InvitationBody({ attendee, eventTitle }: { attendee: AttendeeOut; eventTitle: string }) {
  const { t } = useTranslation();
  const { data, error, isLoading } = useCall('agenda.invitation', { attendeeId: attendee.id });
  const mark = useMutate('agenda.markInvited');
  if (isLoading)
    return (
      <Center h={160}>
        <Loader />
      </Center>
    );
  if (error || !data) return <Alert color="red">{error?.message}</Alert>;
  return (
    <Stack gap="sm" data-testid="invitation">
      <Center>
        <Image
          src={`data:image/png;base64,${data.qrPngBase64}`}
          alt={t('agenda.invitation.qrAlt', { code: attendee.code })}
          w={180}
          h={180}
          fit="contain"
        />
      </Center>
      <Text ta="center" ff="monospace" size="lg" fw={600} data-testid="invitation-code">
        {attendee.code}
      </Text>
      <Textarea label={t('agenda.invitation.sms')} value={data.smsText} readOnly autosize minRows={2} />
      <Group justify="space-between">
        <CopyButton value={data.smsText}>
          {({ copied, copy }) => (
            <Button
              variant="default"
              size="xs"
              leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
              onClick={copy}
            >
              {copied ? t('agenda.invitation.copied') : t('agenda.invitation.copySms')}
            </Button>
          )}
        </CopyButton>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconDownload size={14} />}
          onClick={() => saveIcs(data.ics, `${eventTitle} - ${attendee.name}`)}
        >
          {t('agenda.invitation.ics')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {t('agenda.invitation.sendingLater')}
      </Text>
      <Group justify="flex-end">
        <Button
          leftSection={<IconMailForward size={16} />}
          loading={mark.isPending}
          variant={attendee.invitedAt ? 'light' : 'filled'}
          onClick={() => mark.mutate({ attendeeIds: [attendee.id], via: 'manual' })}
          data-testid="mark-invited"
        >
          {attendee.invitedAt ? t('agenda.invitation.markAgain') : t('agenda.invitation.mark')}
        </Button>
      </Group>
    </Stack>
  );
}
