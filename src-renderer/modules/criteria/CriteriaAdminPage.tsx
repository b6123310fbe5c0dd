import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function CriteriaAdminPage() {
  const { t } = useTranslation();
  return <Title order={3}>{t('criteria.title')}</Title>;
}
