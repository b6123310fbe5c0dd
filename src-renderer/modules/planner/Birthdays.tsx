import { Anchor, Group, Text } from '@mantine/core';
import { IconCake } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CallOutput } from '../../../src-shared/contract';
import { cardPath } from '../cards/card-paths';
import { PlannerRow, PlannerSection } from './PlannerSection';

type Birthday = CallOutput<'planner.today'>['birthdays'][number];

/** "Doğum günleri": persons the user owns born on this day (29 February on the 28th in other years). */
export function Birthdays({ birthdays }: { birthdays: Birthday[] }) {
  const { t } = useTranslation();
  return (
    <PlannerSection
      id="birthdays"
      icon={IconCake}
      color="pink"
      title={t('planner.sections.birthdays')}
      count={birthdays.length}
      empty={t('planner.empty.birthdays')}
    >
      {birthdays.map((b) => (
        <PlannerRow key={b.cardId} testId="planner-birthday">
          <Group gap="sm" wrap="nowrap" justify="space-between">
            <Anchor component={Link} to={cardPath('person', b.cardId)} size="sm" fw={500} lineClamp={1}>
              {b.displayName}
            </Anchor>
            <Text size="xs" c="pink.7" fw={600} style={{ whiteSpace: 'nowrap' }}>
              {t('planner.turnsAge', { count: b.age })}
            </Text>
          </Group>
        </PlannerRow>
      ))}
    </PlannerSection>
  );
}
