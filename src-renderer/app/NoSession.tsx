import { Center, MantineProvider, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { theme } from './theme';

/** Shown when the page was opened without the per-run key (e.g. a bookmark from an earlier run). */
export function NoSession() {
  const { i18n } = useTranslation();
  const tr = i18n.language !== 'en';
  return (
    <MantineProvider theme={theme}>
      <Center h="100%">
        <Paper withBorder p="xl" maw={520}>
          <Stack>
            <Title order={3}>Kartotek</Title>
            <Text>
              {tr
                ? 'Bu sayfa oturum anahtarı olmadan açıldı. Kartotek’i başlattığınız pencerede yazan adresi (…#k=…) açın.'
                : 'This page was opened without its session key. Open the address printed where you started Kartotek (…#k=…).'}
            </Text>
          </Stack>
        </Paper>
      </Center>
    </MantineProvider>
  );
}
