import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconBuildingBank, IconMail, IconMapPin, IconPhone } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../src-shared/contract/cards';

type Contacts = Pick<Person, 'phones' | 'emails' | 'addresses' | 'ibans'>;

/** Phones (tel: links), e-mails (mailto:) and addresses of a card. */
export function ContactPanel({ card }: { card: Contacts }) {
  const { t } = useTranslation();
  const empty = card.phones.length + card.emails.length + card.addresses.length + card.ibans.length === 0;
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        {t('cards.sections.contact')}
      </Title>
      {empty && <Text c="dimmed">{t('common.none')}</Text>}
      <Stack gap={6}>
        {card.phones.map((p) => (
          <Group key={p.id} gap="xs" wrap="nowrap" data-testid="contact-phone">
            <IconPhone size={16} />
            <Anchor href={`tel:${p.e164 ?? p.number}`}>{p.display}</Anchor>
            <Badge size="xs" variant="light" color="gray">
              {t(`cards.phoneKinds.${p.kind}`)}
            </Badge>
          </Group>
        ))}
        {card.emails.map((e) => (
          <Group key={e.id} gap="xs" wrap="nowrap">
            <IconMail size={16} />
            <Anchor href={`mailto:${e.address}`}>{e.address}</Anchor>
            <Badge size="xs" variant="light" color="gray">
              {t(`cards.emailKinds.${e.kind}`)}
            </Badge>
            {e.isPrimary && card.emails.length > 1 && (
              <Badge size="xs" variant="light">
                {t('common.primary')}
              </Badge>
            )}
          </Group>
        ))}
        {card.addresses.map((a) => (
          <Group key={a.id} gap="xs" wrap="nowrap" align="flex-start">
            <IconMapPin size={16} style={{ marginTop: 3 }} />
            <Text size="sm" style={{ flex: 1 }}>
              {[a.line, [a.postalCode, a.district, a.province].filter(Boolean).join(' '), a.country]
                .filter(Boolean)
                .join(', ')}
            </Text>
            <Badge size="xs" variant="light" color="gray" style={{ flexShrink: 0 }}>
              {t(`cards.addressKinds.${a.kind}`)}
            </Badge>
          </Group>
        ))}
        {card.ibans.map((b) => (
          <Group key={b.id} gap="xs" wrap="nowrap" data-testid="contact-iban">
            <IconBuildingBank size={16} />
            <Text size="sm" ff="monospace">
              {b.display}
            </Text>
            {b.bankName && (
              <Text size="xs" c="dimmed">
                {b.bankName}
              </Text>
            )}
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
