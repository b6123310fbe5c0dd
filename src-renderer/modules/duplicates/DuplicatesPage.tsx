import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function DuplicatesPage() {
  const { t } = useTranslation();
  return <Title order={3}>{t('duplicates.title')}</Title>;
}
