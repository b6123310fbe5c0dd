import type { SmsProviderName } from './sms-accounts';
import { localGateway } from './local-gateway';
import { netgsm } from './netgsm';
import type { SmsCredentials, SmsProvider } from './provider';

/** The implementation named by an SMS account's `provider`. */
export function smsProvider(name: SmsProviderName, c: SmsCredentials): SmsProvider {
  return name === 'netgsm' ? netgsm(c) : localGateway(c);
}
