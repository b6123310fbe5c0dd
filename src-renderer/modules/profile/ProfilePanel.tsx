import { Center, Loader, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useCall } from '../../app/contract-hooks';
import { ItemsSection } from './ItemsSection';
import { RelativesSection } from './RelativesSection';
import { MeasurementsSection } from './MeasurementsSection';

/**
 * The person's profile lists, each its own panel like the card's other panels:
 * the short lists side by side, the wide ones (schools, memberships, the
 * measurement table) across the page.
 */
export function ProfilePanel({ personId, readOnly }: { personId: string; readOnly: boolean }) {
  const { data: profile, error } = useCall('profile.get', { personId });
  if (error)
    return (
      <Paper withBorder p="md">
        <Text c="red" size="sm">
          {error.message}
        </Text>
      </Paper>
    );
  if (!profile)
    return (
      <Center h={120}>
        <Loader size="sm" />
      </Center>
    );
  const common = { personId, readOnly };
  return (
    <Stack data-testid="profile-panel">
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <RelativesSection relatives={profile.relatives} {...common} />
        <ItemsSection list="hobby" items={profile.hobbies} {...common} />
        <ItemsSection list="language" items={profile.languages} {...common} />
      </SimpleGrid>
      <ItemsSection list="school" items={profile.schools} {...common} />
      <ItemsSection list="association" items={profile.associations} {...common} />
      <MeasurementsSection measurements={profile.measurements} {...common} />
    </Stack>
  );
}
