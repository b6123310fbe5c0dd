import { Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../src-shared/contract';
import type { ConnectionCheck } from '../../../src-shared/contract/mail';

/** What "Bağlantıyı sına" found: incoming (IMAP) and outgoing (SMTP) each green or red, in main's words. */
export function ConnectionResult({ result }: { result: CallOutput<'mail.accounts.test'> }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="sm" data-testid="connection-result">
      <Stack gap={6}>
        <CheckLine label="IMAP" title={t('mail.accounts.imap')} check={result.imap} testId="connection-imap" />
        <CheckLine label="SMTP" title={t('mail.accounts.smtp')} check={result.smtp} testId="connection-smtp" />
      </Stack>
    </Paper>
  );
}

/** Main's sentence already names the protocol ("Gelen posta (IMAP) bağlantısı…"): the tag only lines them up. */
function CheckLine(props: { label: string; title: string; check: ConnectionCheck; testId: string }) {
  const { check } = props;
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" data-testid={props.testId} data-ok={check.ok}>
      <ThemeIcon size="sm" radius="xl" color={check.ok ? 'green' : 'red'} variant="filled" mt={2}>
        {check.ok ? <IconCheck size={13} /> : <IconX size={13} />}
      </ThemeIcon>
      <Text size="xs" fw={700} c="dimmed" w={38} mt={3} title={props.title} style={{ flexShrink: 0 }}>
        {props.label}
      </Text>
      <Text size="sm" c={check.ok ? 'green.8' : 'red.8'}>
        {check.message}
      </Text>
    </Group>
  );
}
