import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function TaskPage() {
  const { t } = useTranslation();
  return <Title order={2}>{t('tasks.title')}</Title>;
}
