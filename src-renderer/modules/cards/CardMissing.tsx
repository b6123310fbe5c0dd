import { Alert, Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function CardMissing({ message, backTo }: { message: string | undefined; backTo: string }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Alert color="red" title={t('common.error')}>
        {message}
      </Alert>
      <Anchor component={Link} to={backTo}>
        {t('common.back')}
      </Anchor>
    </Stack>
  );
}
