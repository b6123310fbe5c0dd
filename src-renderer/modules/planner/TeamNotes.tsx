import { Anchor, Group, Text } from '@mantine/core';
import { IconNotes } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NoteSummary } from '../../../src-shared/contract/notes';
import { intlLocale } from '../../app/i18n';
import { notePath } from '../notes/note-paths';
import { relativeTime } from '../timeline/relative-time';
import { PlannerRow, PlannerSection } from './PlannerSection';

/** "Ekibimin okunmamış notları" (managers and admins): the team's notes they have not opened yet. */
export function TeamNotes(props: { notes: NoteSummary[]; total: number }) {
  const { t, i18n } = useTranslation();
  const now = new Date();
  const more = props.total - props.notes.length;
  return (
    <PlannerSection
      id="team-notes"
      icon={IconNotes}
      color="cyan"
      title={t('planner.sections.teamNotes')}
      count={props.total}
      empty={t('planner.empty.teamNotes')}
      footer={
        more > 0 && (
          <Text size="xs" c="dimmed">
            {t('planner.moreTeamNotes', { count: more })}
          </Text>
        )
      }
    >
      {props.notes.map((note) => (
        <PlannerRow key={note.id} testId="planner-team-note">
          <Group gap="sm" wrap="nowrap" justify="space-between">
            <Anchor component={Link} to={notePath(note.id)} size="sm" fw={500} lineClamp={1}>
              {note.title}
            </Anchor>
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {relativeTime(note.happenedAt, now, intlLocale(i18n.language))}
            </Text>
          </Group>
          <Text size="xs" c="dimmed" lineClamp={1}>
            {[note.createdBy?.name, ...note.cards.map((c) => c.displayName)].filter(Boolean).join(' · ')}
          </Text>
          {note.excerpt && (
            <Text size="xs" lineClamp={2}>
              {note.excerpt}
            </Text>
          )}
        </PlannerRow>
      ))}
    </PlannerSection>
  );
}
