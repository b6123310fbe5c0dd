import { accountHandlers } from './account-handlers';
import { messageHandlers } from './message-handlers';

/** The mail slice: accounts, stored mail, filing. */
export const mailHandlers = {
  ...accountHandlers,
  ...messageHandlers,
};
