import { ComposeButton } from './ComposeButton';
import { cardAddresses, type ComposeCard } from './recipients';

/**
 * "E-posta gönder" and "SMS gönder" on a card: each only when the card has an address / a mobile for it, so no
 * button leads to a dialog that cannot send.
 */
export function SendButtons({ card }: { card: ComposeCard }) {
  return (
    <>
      {cardAddresses(card, 'email').length > 0 && <ComposeButton start={{ card, channel: 'email' }} />}
      {cardAddresses(card, 'sms').length > 0 && <ComposeButton start={{ card, channel: 'sms' }} />}
    </>
  );
}
