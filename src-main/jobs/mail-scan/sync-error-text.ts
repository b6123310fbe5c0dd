import { ContractError } from '../../../src-shared/contract/errors';
import { classifyImapError, imapProblemText } from '../../services/mail/accounts/connection-test';
import { FolderMissing } from './scan-account';

/**
 * An account's sync problem in words (never the library's text, which may quote the login command).
 * `afterLogin`: the connection had worked, so a failure now is a drop rather than a wrong setting.
 */
export function syncErrorText(
  err: unknown,
  where: { host: string; port: number; afterLogin: boolean },
  retryInMs: number | null,
): string {
  let text: string;
  if (err instanceof ContractError || err instanceof FolderMissing) text = err.message;
  else {
    const problem = classifyImapError(err);
    text =
      where.afterLogin && problem !== 'auth'
        ? `Posta sunucusuyla bağlantı koptu (${where.host}:${where.port}).`
        : imapProblemText(problem, where.host, where.port);
  }
  if (retryInMs === null) return text;
  const seconds = Math.max(1, Math.round(retryInMs / 1000));
  const when = seconds < 60 ? `${seconds} sn` : `${Math.round(seconds / 60)} dk`;
  return `${text} ${when} sonra yeniden denenecek.`;
}
