import { Alert, Stack, Tabs, Title } from '@mantine/core';
import { IconBuilding, IconLock, IconUsers, IconUserShield } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DefinitionsTab } from './DefinitionsTab';
import { UsersTab } from './UsersTab';
import { useMe } from './use-me';

const TABS = ['person', 'institution', 'users'] as const;
type Tab = (typeof TABS)[number];

/** Settings: the criteria of persons and institutions, and the users who own cards. */
export function CriteriaAdminPage() {
  const { t } = useTranslation();
  const { me, isAdmin } = useMe();
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: Tab = TABS.includes(asked as Tab) ? (asked as Tab) : 'person';
  return (
    <Stack gap="md" style={{ overflow: 'auto' }}>
      <Title order={2}>{t('criteria.pageTitle')}</Title>
      {me && !isAdmin && (
        <Alert color="gray" variant="light" icon={<IconLock size={16} />}>
          {t('criteria.adminOnly')}
        </Alert>
      )}
      <Tabs value={tab} onChange={(v) => setParams(v ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="person" leftSection={<IconUsers size={16} />}>
            {t('criteria.tabs.person')}
          </Tabs.Tab>
          <Tabs.Tab value="institution" leftSection={<IconBuilding size={16} />}>
            {t('criteria.tabs.institution')}
          </Tabs.Tab>
          <Tabs.Tab value="users" leftSection={<IconUserShield size={16} />}>
            {t('criteria.tabs.users')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="person">
          <DefinitionsTab cardType="person" canEdit={isAdmin} />
        </Tabs.Panel>
        <Tabs.Panel value="institution">
          <DefinitionsTab cardType="institution" canEdit={isAdmin} />
        </Tabs.Panel>
        <Tabs.Panel value="users">
          <UsersTab canEdit={isAdmin} meId={me?.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
