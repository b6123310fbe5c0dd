import { Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { Controller, useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../src-shared/contract/mailings';
import { AccountSelect } from './AccountSelect';

/** "Kanal": mail or SMS. */
export function ChannelPicker(props: {
  value: Channel;
  onChange: (channel: Channel) => void;
  disabled?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('mailings.compose.channel')}
      </Text>
      <SegmentedControl
        value={props.value}
        onChange={(v) => props.onChange(v as Channel)}
        data={[
          { value: 'email', label: t('mailings.channels.email') },
          { value: 'sms', label: t('mailings.channels.sms') },
        ]}
        disabled={props.disabled ?? false}
        {...(props.testId ? { 'data-testid': props.testId } : {})}
      />
    </Stack>
  );
}

/** The part of a sending form's values the channel row reads and writes. */
export interface ChannelAndAccount {
  channel: Channel;
  accountId: string | null;
}

/**
 * The top row of a sending form: the channel, and the account of that channel to send with. What else a channel
 * switch resets (recipients, errors) is the form's own business: `onChannel` does it.
 */
export function ChannelAccountRow<T extends ChannelAndAccount>(props: {
  form: UseFormReturn<T>;
  onChannel: (channel: Channel) => void;
  channelDisabled?: boolean;
  channelTestId: string;
}) {
  // T has these two fields with these types; react-hook-form's types are invariant in T, hence the one cast.
  const form = props.form as unknown as UseFormReturn<ChannelAndAccount>;
  const channel = useWatch({ control: form.control, name: 'channel' });
  return (
    <Group grow align="flex-start">
      <ChannelPicker
        value={channel}
        onChange={props.onChannel}
        disabled={props.channelDisabled ?? false}
        testId={props.channelTestId}
      />
      <Controller
        control={form.control}
        name="accountId"
        render={({ field }) => <AccountSelect channel={channel} value={field.value} onChange={field.onChange} />}
      />
    </Group>
  );
}
