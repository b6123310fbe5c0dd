import { useState } from 'react';
import { Center, Grid, Loader, Stack } from '@mantine/core';
import { useParams } from 'react-router';
import { useCall } from '../../app/contract-hooks';
import { CardHeader } from './CardHeader';
import { ContactPanel } from './ContactPanel';
import { AffiliationsPanel } from './AffiliationsPanel';
import { HistoryPanel } from './HistoryPanel';
import { PersonFormModal } from './PersonForm';
import { CardMissing } from './CardMissing';
import { NotesPanel } from './card-form-parts';
import { DetailsPanel } from './DetailsPanel';
import { MaskedTckn } from './MaskedTckn';
import { ageOn, todayInIstanbul } from '../../../src-shared/domain/dates';
import { formatIsoDate } from '../../ui/format';
import { useTranslation } from 'react-i18next';
import { CriteriaPanel } from '../criteria/CriteriaPanel';
import { TagsLine } from '../criteria/TagsLine';
import { TimelinePanel } from '../timeline/TimelinePanel';
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

  const primary = person.affiliations.find((a) => a.isPrimary) ?? person.affiliations[0];
  return (
    <Stack gap="md" style={{ overflow: 'auto' }}>
      <CardHeader
        type="person"
        id={person.id}
        name={[person.honorific, person.displayName].filter(Boolean).join(' ')}
        subtitle={primary ? [primary.role, primary.institutionTitle].filter(Boolean).join(' · ') : undefined}
        deletedAt={person.deletedAt}
        onEdit={() => setEditing(true)}
        backTo="/persons"
        extra={<TagsLine cardId={person.id} readOnly={!!person.deletedAt} />}
      />
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack>
            <AffiliationsPanel
              side="person"
              cardId={person.id}
              affiliations={person.affiliations}
              readOnly={!!person.deletedAt}
            />
            <NotesPanel notes={person.notes} />
            <ProfilePanel personId={person.id} readOnly={!!person.deletedAt} />
            <TimelinePanel cardId={person.id} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
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
              ]}
            />
            <ContactPanel card={person} />
            <CriteriaPanel cardId={person.id} cardType="person" readOnly={!!person.deletedAt} />
            <HistoryPanel entityId={person.id} />
          </Stack>
        </Grid.Col>
      </Grid>
      <PersonFormModal opened={editing} onClose={() => setEditing(false)} person={person} />
    </Stack>
  );
}
