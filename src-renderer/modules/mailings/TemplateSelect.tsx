import { useState } from 'react';
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../src-shared/contract/mailings';
import { useCall } from '../../app/contract-hooks';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { foldedFilter } from '../../ui/folded-filter';

export interface PickedTemplate {
  subject: string;
  body: string;
}

/**
 * Picks a template of the channel; picking fills the subject and text (the choice itself is not sent).
 * Text already written (a reply's quote, a half-typed message) is replaced only after asking.
 */
export function TemplateSelect(props: {
  channel: Channel;
  current: PickedTemplate;
  onPick: (template: PickedTemplate) => void;
}) {
  const { t } = useTranslation();
  const { data, error } = useCall('mail.templates.list', { channel: props.channel });
  const templates = data ?? [];
  // Shown as chosen so the person sees where the text came from; editing the text afterwards is fine.
  const [picked, setPicked] = useState<string | null>(null);
  const [asking, setAsking] = useState<null | { id: string; template: PickedTemplate }>(null);
  if (templates.length === 0 && !error) return null;
  const apply = (id: string, template: PickedTemplate) => {
    setPicked(id);
    props.onPick(template);
  };
  const written = props.current.subject.trim() !== '' || props.current.body.trim() !== '';
  return (
    <>
      <Select
        label={t('mailings.compose.template')}
        placeholder={t('mailings.compose.templatePlaceholder')}
        data={templates.map((tpl) => ({ value: tpl.id, label: tpl.name }))}
        value={templates.some((tpl) => tpl.id === picked) ? picked : null}
        error={error?.message}
        onChange={(id) => {
          const found = templates.find((tpl) => tpl.id === id);
          if (!id || !found) return;
          const template = { subject: found.subject, body: found.body };
          const same = template.subject === props.current.subject && template.body === props.current.body;
          if (written && !same) setAsking({ id, template });
          else apply(id, template);
        }}
        searchable
        filter={foldedFilter}
        data-testid="compose-template"
      />
      <ConfirmDialog
        opened={!!asking}
        title={t('mailings.compose.templateReplaceTitle')}
        message={t('mailings.compose.templateReplaceMessage')}
        confirmLabel={t('mailings.compose.templateReplace')}
        onConfirm={() => {
          if (asking) apply(asking.id, asking.template);
          setAsking(null);
        }}
        onClose={() => setAsking(null)}
      />
    </>
  );
}
