import { Anchor, Group, Text } from '@mantine/core';
import { IconBuilding, IconHourglassLow, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CallOutput } from '../../../src-shared/contract';
import { formatDate } from '../../ui/format';
import { cardPath } from '../cards/card-paths';
import { relativeTime } from '../timeline/relative-time';
import { intlLocale } from '../../app/i18n';
import { PlannerRow, PlannerSection } from './PlannerSection';

type Day = CallOutput<'planner.today'>;

/** "Uzun süredir görüşülmeyenler (N gün)": the user's cards silent the longest, a call away. */
export function QuietCards(props: { cards: Day['quietCards']; total: number; days: number }) {
  const { t, i18n } = useTranslation();
  const now = new Date();
  const more = props.total - props.cards.length;
  return (
    <PlannerSection
      id="quiet"
      icon={IconHourglassLow}
      color="orange"
      title={t('planner.sections.quiet', { count: props.days })}
      count={props.total}
      empty={t('planner.empty.quiet', { count: props.days })}
      footer={
        more > 0 && (
          <Text size="xs" c="dimmed" data-testid="planner-quiet-more">
            {t('planner.moreQuiet', { count: more })}
          </Text>
        )
      }
    >
      {props.cards.map((card) => {
        const CardIcon = card.type === 'person' ? IconUser : IconBuilding;
        return (
          <PlannerRow key={card.cardId} testId="planner-quiet-card">
            <Group gap={8} wrap="nowrap" justify="space-between">
              <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                <CardIcon size={14} color="var(--mantine-color-dimmed)" style={{ flex: 'none' }} />
                <Anchor component={Link} to={cardPath(card.type, card.cardId)} size="sm" fw={500} lineClamp={1}>
                  {card.displayName}
                </Anchor>
              </Group>
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {card.lastContactAt
                  ? t('planner.lastContact', {
                      date: formatDate(card.lastContactAt, i18n.language),
                      ago: relativeTime(card.lastContactAt, now, intlLocale(i18n.language)),
                    })
                  : t('planner.neverContacted')}
              </Text>
            </Group>
          </PlannerRow>
        );
      })}
    </PlannerSection>
  );
}
