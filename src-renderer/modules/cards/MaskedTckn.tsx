import { useState } from 'react';
import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { maskTckn } from '../../../src-shared/domain/tr-identifiers';

/** A T.C. Kimlik No is personal data: shown masked until someone asks to see it. */
export function MaskedTckn({ tckn }: { tckn: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  return (
    <Group gap="xs" component="span">
      <Text component="span" fz="sm" ff="monospace" data-testid="tckn">
        {shown ? tckn : maskTckn(tckn)}
      </Text>
      <Anchor component="button" type="button" fz="xs" onClick={() => setShown((v) => !v)}>
        {shown ? t('cards.fields.hideTckn') : t('cards.fields.showTckn')}
      </Anchor>
    </Group>
  );
}
