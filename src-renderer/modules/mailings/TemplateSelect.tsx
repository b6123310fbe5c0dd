import { useState } from 'react';
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../src-shared/contract/mailings';
import { useCall } from '../../app/contract-hooks';
import { foldedFilter } from '../../ui/folded-filter';

export interface PickedTemplate {
  subject: string;
  body: string;
}

/** Picks a template of the channel; picking fills the subject and text (the choice itself is not sent). */
export function TemplateSelect(props: { channel: Channel; onPick: (template: PickedTemplate) => void }) {
  const { t } = useTranslation();
  const { data } = useCall('mail.templates.list', { channel: props.channel });
  const templates = data ?? [];
  // Shown as chosen so the person sees where the text came from; editing the text afterwards is fine.
  const [picked, setPicked] = useState<string | null>(null);
  if (templates.length === 0) return null;
  return (
    <Select
      label={t('mailings.compose.template')}
      placeholder={t('mailings.compose.templatePlaceholder')}
      data={templates.map((tpl) => ({ value: tpl.id, label: tpl.name }))}
      value={templates.some((tpl) => tpl.id === picked) ? picked : null}
      onChange={(id) => {
        setPicked(id);
        const template = templates.find((tpl) => tpl.id === id);
        if (template) props.onPick({ subject: template.subject, body: template.body });
      }}
      searchable
      filter={foldedFilter}
      data-testid="compose-template"
    />
  );
}
