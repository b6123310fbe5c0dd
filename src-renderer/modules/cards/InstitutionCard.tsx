import { useState } from 'react';
import { Anchor, Badge, Center, Grid, Group, Loader, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TagsLine } from '../criteria/TagsLine';
import { useParams } from 'react-router';
import { useCall } from '../../app/contract-hooks';
import { CardHeader } from './CardHeader';
import { ContactPanel } from './ContactPanel';
import { AffiliationsPanel } from './AffiliationsPanel';
import { RelationsPanel } from './RelationsPanel';
import { InstitutionFormModal } from './InstitutionForm';
import { CardMissing } from './CardMissing';
import { NotesPanel } from './card-form-parts';
import { DetailsPanel } from './DetailsPanel';
import { CardTabs } from './CardTabs';
import { sharedCardTabs } from './shared-card-tabs';
import { CardEssentials } from './CardEssentials';
import { QuickActions } from './QuickActions';

/** Only web addresses open from a card; anything else is shown as text. */
const websiteHref = (site: string) => (/^https?:\/\//i.test(site) ? site : `https://${site}`);

export function InstitutionCard() {
  const { id = '' } = useParams();
  // A fresh screen per card: an open edit form must never carry one card's values to the next.
  return <InstitutionCardView key={id} id={id} />;
}

function InstitutionCardView({ id }: { id: string }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const { data: institution, error, isLoading } = useCall('cards.getInstitution', { id });
  if (isLoading)
    return (
      <Center h={200}>
        <Loader />
      </Center>
    );
  if (error || !institution) return <CardMissing message={error?.message} backTo="/institutions" />;

  const readOnly = !!institution.deletedAt;
  const lead = [institution.shortName, institution.sector].filter(Boolean).join(' · ');
  const general = (
    <Grid>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack>
          <AffiliationsPanel
            side="institution"
            cardId={institution.id}
            affiliations={institution.affiliations}
            readOnly={readOnly}
          />
          <RelationsPanel institution={institution} readOnly={readOnly} />
          <NotesPanel notes={institution.notes} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack>
          <ContactPanel card={institution} />
          <DetailsPanel
            title={t('cards.sections.official')}
            rows={[
              [t('cards.fields.taxOffice'), institution.taxOffice],
              [t('cards.fields.vkn'), institution.vkn],
              [t('cards.fields.tradeRegistryNo'), institution.tradeRegistryNo],
              [t('cards.fields.emailDomains'), institution.emailDomains.join(', ')],
              [t('cards.fields.source'), institution.source],
              [t('cards.fields.owner'), institution.ownerName],
            ]}
          />
        </Stack>
      </Grid.Col>
    </Grid>
  );

  return (
    <Stack gap="md" style={{ overflow: 'auto' }}>
      <CardHeader
        type="institution"
        id={institution.id}
        name={institution.title}
        subtitle={
          <CardEssentials
            card={institution}
            lead={
              (lead || institution.website) && (
                <>
                  {lead}
                  {lead && institution.website && ' · '}
                  {institution.website && (
                    <Anchor href={websiteHref(institution.website)} target="_blank" rel="noreferrer" size="sm">
                      {institution.website}
                    </Anchor>
                  )}
                </>
              )
            }
          />
        }
        badges={
          // Together, so a long title never leaves one kind alone on the next line.
          institution.kinds.length > 0 && (
            <Group gap={6} wrap="nowrap">
              {institution.kinds.map((k) => (
                <Badge key={k} variant="light">
                  {t(`cards.kinds.${k}`)}
                </Badge>
              ))}
            </Group>
          )
        }
        deletedAt={institution.deletedAt}
        onEdit={() => setEditing(true)}
        backTo="/institutions"
        extra={<TagsLine cardId={institution.id} readOnly={readOnly} />}
        actions={
          <QuickActions
            cardId={institution.id}
            name={institution.displayName}
            phones={institution.phones}
            emails={institution.emails}
          />
        }
      />
      <CardTabs
        tabs={[
          { value: 'general', label: t('timeline.tabs.general'), panel: general },
          ...sharedCardTabs(t, institution, readOnly),
        ]}
      />
      <InstitutionFormModal opened={editing} onClose={() => setEditing(false)} institution={institution} />
    </Stack>
  );
}
