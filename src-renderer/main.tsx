import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/spotlight/styles.css';
import '@mantine/dates/styles.css';
import 'dayjs/locale/tr';
import './ui/global.css';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { NoSession } from './app/NoSession';
import { createClient } from './app/client';
import { initI18n } from './app/i18n';
import { ipcTransport, type Transport } from './app/transport';
import { httpTransport, takeSecretFromLocation } from './app/transport-http';

/** Picks the transport once; nothing else in the renderer knows which one it is. */
function chooseTransport(): Transport | null {
  if (window.kartotek) return ipcTransport(window.kartotek);
  const secret = takeSecretFromLocation();
  return secret ? httpTransport(secret) : null;
}

async function start() {
  await initI18n();
  const root = createRoot(document.getElementById('root')!);
  const transport = chooseTransport();
  root.render(transport ? <App client={createClient(transport)} /> : <NoSession />);
}

void start();
