import { Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { smsParts } from './sms-parts';

/** "143 karakter · 1 SMS", with why it splits sooner when the text has Turkish letters. */
export function SmsCount({ text }: { text: string }) {
  const { t } = useTranslation();
  const { chars, parts, unicode } = smsParts(text);
  const label = (
    <Text size="xs" c={parts > 1 ? 'orange.8' : 'dimmed'} data-testid="sms-count" style={{ whiteSpace: 'nowrap' }}>
      {t('mailings.compose.smsCount', { chars, parts })}
    </Text>
  );
  return unicode ? (
    <Tooltip label={t('mailings.compose.smsUnicode')} withArrow>
      {label}
    </Tooltip>
  ) : (
    label
  );
}
