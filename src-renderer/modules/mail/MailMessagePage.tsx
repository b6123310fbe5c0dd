import { Anchor, Group, Stack } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { MailReader } from './MailReader';
import { mailListPath, mailPath } from './mail-paths';

/** `#/mail/:id`: one mail alone (from search, a notification, a card's tab); "Geri" leads where it came from. */
export function MailMessagePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  // Only paths inside the app: a crafted ?back= must not lead anywhere else.
  const requested = params.get('back');
  const back = requested?.startsWith('/') && !requested.startsWith('//') ? requested : null;
  return (
    <Stack gap="sm" style={{ overflow: 'auto' }} maw={1100} pb="xl">
      <Group>
        <Anchor component={Link} to={back ?? mailListPath(id)} size="sm" data-testid="mail-back">
          <Group gap={4} wrap="nowrap">
            <IconArrowLeft size={16} />
            {back ? t('mail.back') : t('mail.toList')}
          </Group>
        </Anchor>
      </Group>
      <MailReader key={id} id={id} onOpenOther={(mail) => void navigate(mailPath(mail.id, back ?? undefined))} />
    </Stack>
  );
}
