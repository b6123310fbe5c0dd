import { Button, Checkbox, Group, Progress, Radio, Stack, Text } from '@mantine/core';
import { IconPlayerPlay, IconChecklist } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DUPLICATE_ACTIONS, type DuplicateAction } from '../../../src-shared/contract/transfer';
import type { JobProgress } from './useJobProgress';

export interface RunPanelProps {
  onDuplicate: DuplicateAction;
  onDuplicateChange: (action: DuplicateAction) => void;
  validRowsOnly: boolean;
  onValidRowsOnly: (value: boolean) => void;
  running: boolean;
  progress: JobProgress | null;
  rowCount: number;
  onRun: (dryRun: boolean) => void;
  onCancel: () => void;
}

/** The choices of an import, the dry run and import buttons, and the progress bar with its cancel button. */
export function RunPanel(props: RunPanelProps) {
  const { t } = useTranslation();
  const p = props.progress;
  const percent =
    !p || p.phase === 'reading'
      ? 0
      : p.phase === 'validating'
        ? Math.min(100, (p.done / Math.max(1, props.rowCount)) * 100)
        : 100;
  return (
    <Stack gap="md">
      <Radio.Group
        label={t('transfer.run.duplicates')}
        description={t('transfer.run.duplicateRule')}
        value={props.onDuplicate}
        onChange={(v) => props.onDuplicateChange(v as DuplicateAction)}
      >
        <Group mt="xs">
          {DUPLICATE_ACTIONS.map((a) => (
            <Radio key={a} value={a} label={t(`transfer.run.${a}`)} disabled={props.running} />
          ))}
        </Group>
      </Radio.Group>
      <Checkbox
        label={t('transfer.run.validRows')}
        description={t('transfer.run.validRowsHint')}
        checked={props.validRowsOnly}
        onChange={(e) => props.onValidRowsOnly(e.currentTarget.checked)}
        disabled={props.running}
      />
      {props.running ? (
        <Stack gap={4} data-testid="import-progress">
          <Text size="sm">
            {p
              ? t(`transfer.run.phases.${p.phase}`, { done: p.done, total: p.total ?? 0 })
              : t('transfer.run.phases.reading')}
          </Text>
          <Group wrap="nowrap">
            <Progress value={percent} animated striped style={{ flex: 1 }} />
            <Button variant="default" size="xs" onClick={props.onCancel} disabled={p?.phase === 'writing'}>
              {t('transfer.run.cancel')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Group>
          <Button variant="default" leftSection={<IconChecklist size={16} />} onClick={() => props.onRun(true)}>
            {t('transfer.run.dryRun')}
          </Button>
          <Button leftSection={<IconPlayerPlay size={16} />} onClick={() => props.onRun(false)}>
            {t('transfer.run.start')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
