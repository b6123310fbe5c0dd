import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function SegmentsPage() {
  const { t } = useTranslation();
  return <Title order={3}>{t('segments.title')}</Title>;
}
