import { useMemo } from 'react';
import { Button, Divider, Group, Modal, NumberInput, Select, Stack, Text } from '@mantine/core';
import { TimePicker } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { plannerSettings, type PlannerSettings } from '../../../src-shared/contract/planner';
import { useCall, useMutate } from '../../app/contract-hooks';
import { foldedFilter } from '../../ui/folded-filter';
import { showServerFieldErrors } from '../cards/server-errors';
import { useMe } from '../criteria/use-me';

/** The gear of the planner: the user's "no contact for N days"; admins also the firm's time zone and workday. */
export function PlannerSettingsDialog(props: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const settings = useCall('planner.settings', {}, { enabled: props.opened });
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('planner.settingsForm.title')}>
      {props.opened && settings.data && <SettingsForm settings={settings.data} onClose={props.onClose} />}
    </Modal>
  );
}

function SettingsForm({ settings, onClose }: { settings: PlannerSettings; onClose: () => void }) {
  const { t } = useTranslation();
  const { isAdmin } = useMe();
  const save = useMutate('planner.saveSettings');
  const zones = useMemo(() => {
    const known = Intl.supportedValuesOf('timeZone');
    return known.includes(settings.timeZone) ? known : [settings.timeZone, ...known];
  }, [settings.timeZone]);
  const form = useForm<PlannerSettings>({ resolver: zodResolver(plannerSettings), defaultValues: settings });
  const errors = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    try {
      // Staff send only their own setting: the firm's clock is not theirs to change (main checks it too).
      await save.mutateAsync(isAdmin ? values : { noContactDays: values.noContactDays });
      notifications.show({ message: t('planner.settingsForm.saved') });
      onClose();
    } catch (err) {
      showServerFieldErrors(err, form.setError);
    }
  });
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        <Controller
          control={form.control}
          name="noContactDays"
          render={({ field }) => (
            <NumberInput
              label={t('planner.settingsForm.noContactDays')}
              description={t('planner.settingsForm.noContactDaysHint')}
              min={1}
              max={3650}
              allowDecimal={false}
              value={field.value}
              onChange={(v) => field.onChange(typeof v === 'number' ? v : Number(v))}
              error={errors.noContactDays?.message}
              data-autofocus
              data-testid="settings-no-contact-days"
            />
          )}
        />
        {isAdmin && (
          <>
            <Divider label={t('planner.settingsForm.firm')} labelPosition="left" mt="xs" />
            <Controller
              control={form.control}
              name="timeZone"
              render={({ field }) => (
                <Select
                  label={t('planner.settingsForm.timeZone')}
                  description={t('planner.settingsForm.timeZoneHint')}
                  data={zones}
                  value={field.value}
                  onChange={(v) => v && field.onChange(v)}
                  searchable
                  filter={foldedFilter}
                  allowDeselect={false}
                  error={errors.timeZone?.message}
                  data-testid="settings-time-zone"
                />
              )}
            />
            <Controller
              control={form.control}
              name="workdayStart"
              render={({ field }) => (
                <TimePicker
                  label={t('planner.settingsForm.workdayStart')}
                  description={t('planner.settingsForm.workdayStartHint')}
                  format="24h"
                  value={field.value}
                  onChange={(v) => field.onChange(v.slice(0, 5))}
                  error={errors.workdayStart?.message}
                  data-testid="settings-workday-start"
                />
              )}
            />
          </>
        )}
        {!isAdmin && (
          <Text size="xs" c="dimmed">
            {t('planner.settingsForm.timeZone')}: {settings.timeZone} · {t('planner.settingsForm.workdayStart')}:{' '}
            {settings.workdayStart}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.formState.isSubmitting}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
