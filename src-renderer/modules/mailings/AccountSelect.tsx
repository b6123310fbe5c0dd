import { useEffect } from 'react';
import { Alert, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../src-shared/contract/mailings';
import { useCall } from '../../app/contract-hooks';

/** The sending account of a channel: mail accounts for e-mail, SMS accounts for SMS; the first enabled one is chosen. */
export function AccountSelect(props: {
  channel: Channel;
  value: string | null;
  onChange: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const mail = useCall('mail.accounts.list', {}, { enabled: props.channel === 'email' });
  const sms = useCall('sms.accounts.list', {}, { enabled: props.channel === 'sms' });
  const query = props.channel === 'email' ? mail : sms;
  const accounts = (
    props.channel === 'email'
      ? (mail.data ?? []).map((a) => ({ id: a.id, enabled: a.enabled, label: `${a.name} <${a.emailAddress}>` }))
      : (sms.data ?? []).map((a) => ({ id: a.id, enabled: a.enabled, label: `${a.name} (${a.sender})` }))
  ).filter((a) => a.enabled);
  const firstId = accounts[0]?.id ?? null;
  const known = accounts.some((a) => a.id === props.value);
  const { onChange } = props;
  // A channel switch or a first load leaves no valid choice: take the first enabled account.
  useEffect(() => {
    if (query.isSuccess && !known && props.value !== firstId) onChange(firstId);
  }, [query.isSuccess, known, firstId, props.value, onChange]);
  if (query.isSuccess && accounts.length === 0)
    return (
      <Alert color="orange" variant="light" data-testid="compose-no-account">
        {t('mailings.compose.accountNone')}
      </Alert>
    );
  return (
    <Select
      label={t('mailings.compose.account')}
      data={accounts.map((a) => ({ value: a.id, label: a.label }))}
      value={known ? props.value : null}
      onChange={props.onChange}
      allowDeselect={false}
      withAsterisk
      error={query.error?.message}
      data-testid="compose-account"
    />
  );
}
