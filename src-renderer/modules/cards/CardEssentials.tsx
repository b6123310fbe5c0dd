import type { ReactNode } from 'react';
import { Group, Text } from '@mantine/core';
import { IconMail, IconMapPin, IconPhone } from '@tabler/icons-react';
import type { Person } from '../../../src-shared/contract/cards';

type Contacts = Pick<Person, 'phones' | 'emails' | 'addresses'>;

/**
 * The line under a card's name: what it is (role and institution, or sector),
 * then the first phone, the primary e-mail and the il, so the header alone
 * answers "who is this and how do I reach them".
 */
export function CardEssentials({ lead, card }: { lead?: ReactNode; card: Contacts }) {
  const phone = card.phones[0];
  const email = card.emails.find((e) => e.isPrimary) ?? card.emails[0];
  const place = card.addresses.find((a) => a.province);
  const items = [
    phone && { key: 'phone', icon: <IconPhone size={14} />, text: phone.display },
    email && { key: 'email', icon: <IconMail size={14} />, text: email.address },
    place && {
      key: 'place',
      icon: <IconMapPin size={14} />,
      text: [place.district, place.province].filter(Boolean).join(', '),
    },
  ].filter((item) => !!item);
  if (!lead && items.length === 0) return null;
  return (
    <Group gap="md" c="dimmed" data-testid="card-essentials" wrap="wrap" style={{ rowGap: 2 }}>
      {lead && (
        <Text size="sm" c="dimmed" component="div">
          {lead}
        </Text>
      )}
      {items.map((item) => (
        <Group key={item.key} gap={4} wrap="nowrap">
          {item.icon}
          <Text size="sm" c="dimmed">
            {item.text}
          </Text>
        </Group>
      ))}
    </Group>
  );
}
