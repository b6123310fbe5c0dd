import { useState } from 'react';
import { Anchor, Center, Grid, Loader, Stack } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useCall } from '../../app/contract-hooks';
import { CardHeader } from './CardHeader';
import { ContactPanel } from './ContactPanel';
import { AffiliationsPanel } from './AffiliationsPanel';
import { PersonFormModal } from './PersonForm';
import { CardMissing } from './CardMissing';
import { NotesPanel } from './card-form-parts';
import { DetailsPanel } from './DetailsPanel';
import { MaskedTckn } from './MaskedTckn';
import { CardTabs } from './CardTabs';
import { sharedCardTabs } from './shared-card-tabs';
import { CardEssentials } from './CardEssentials';
import { QuickActions } from './QuickActions';
import { cardPath } from './card-paths';
import { ageOn, todayInIstanbul } from '../../../src-shared/domain/dates';
import { formatIsoDate } from '../../ui/format';
import { useTranslation } from 'react-i18next';
import { TagsLine } from '../criteria/TagsLine';
import { ProfilePanel } from '../profile/ProfilePanel';

export function PersonCard() {
  const { id = '' } = useParams();
  // A fresh screen per card: an open edit form must never carry one card's values to the next.
  return <PersonCardView key={id} id={id} />;
}

function PersonCardView({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const { data: person, error, isLoading } = useCall('cards.getPerson', { id });
  if (isLoading)
    return (
      <Center h={200}>
        <Loader />
      </Center>
    );
  if (error || !person) return <CardMissing message={error?.message} backTo="/persons" />;

  const readOnly = !!person.deletedAt;
  const primary = person.affiliations.find((a) => a.isPrimary) ?? person.affiliations[0];
  const general = (
    <Grid>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack>
          <AffiliationsPanel side="person" cardId={person.id} affiliations={person.affiliations} readOnly={readOnly} />
          <NotesPanel notes={person.notes} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack>
          <ContactPanel card={person} />
          <DetailsPanel
            title={t('cards.sections.identity')}
            rows={[
              [t('cards.fields.gender'), person.gender && t(`cards.genders.${person.gender}`)],
              [
                t('cards.fields.birthDate'),
                person.birthDate &&
                  `${formatIsoDate(person.birthDate, i18n.language)} (${t('cards.fields.age', {
                    count: ageOn(person.birthDate, todayInIstanbul(new Date())),
                  })})`,
              ],
              [t('cards.fields.tckn'), person.tckn && <MaskedTckn tckn={person.tckn} />],
              [t('cards.fields.source'), person.source],
              [t('cards.fields.owner'), person.ownerName],
            ]}
          />
        </Stack>
      </Grid.Col>
    </Grid>
  );

  return (
    <Stack gap="md" style={{ overflow: 'auto' }}>
      <CardHeader
        type="person"
        id={person.id}
        name={[person.honorific, person.displayName].filter(Boolean).join(' ')}
        subtitle={
          <CardEssentials
            card={person}
            lead={
              primary && (
                <>
                  {primary.role && `${primary.role} · `}
                  <Anchor component={Link} to={cardPath('institution', primary.institutionId)} size="sm">
                    {primary.institutionTitle}
                  </Anchor>
                </>
              )
            }
          />
        }
        deletedAt={person.deletedAt}
        onEdit={() => setEditing(true)}
        backTo="/persons"
        extra={<TagsLine cardId={person.id} readOnly={readOnly} />}
        actions={
          <QuickActions cardId={person.id} name={person.displayName} phones={person.phones} emails={person.emails} />
        }
      />
      <CardTabs
        tabs={[
          { value: 'general', label: t('timeline.tabs.general'), panel: general },
          {
            value: 'profile',
            label: t('timeline.tabs.profile'),
            panel: <ProfilePanel personId={person.id} readOnly={readOnly} />,
          },
          ...sharedCardTabs(t, person, readOnly),
        ]}
      />
      <PersonFormModal opened={editing} onClose={() => setEditing(false)} person={person} />
    </Stack>
  );
}
