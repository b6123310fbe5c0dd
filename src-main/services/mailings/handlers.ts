import { templateHandlers } from './template-handlers';
import { sendHandlers } from './send-handlers';
import { mailingReadHandlers } from './read-handlers';
import { smsAccountHandlers } from './sms-account-handlers';

/** The sending slice: templates, single sends, mailings, SMS accounts. */
export const mailingsHandlers = {
  ...templateHandlers,
  ...sendHandlers,
  ...mailingReadHandlers,
  ...smsAccountHandlers,
};
