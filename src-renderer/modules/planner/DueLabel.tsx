import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { daysBetween, shortDate } from './planner-dates';

/** "Bugün · 14:30", "26 Şub · 4 gün gecikti" in red, or the date of a day ahead. */
export function DueLabel(props: { dueDate: string; dueTime: string | null; today: string; overdue?: boolean }) {
  const { t, i18n } = useTranslation();
  const late = props.overdue ?? props.dueDate < props.today;
  const parts = [
    props.dueDate === props.today ? t('planner.due.today') : shortDate(props.dueDate, i18n.language, props.today),
  ];
  if (props.dueTime) parts.push(props.dueTime);
  if (late) parts.push(t('planner.due.overdueDays', { count: Math.max(1, daysBetween(props.dueDate, props.today)) }));
  return (
    <Text size="xs" c={late ? 'red.7' : 'dimmed'} fw={late ? 600 : 400} data-testid="due-label" data-overdue={late}>
      {parts.join(' · ')}
    </Text>
  );
}
