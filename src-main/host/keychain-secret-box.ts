import { safeStorage } from 'electron';
import type { SecretBox } from '../core/secret-box';
import { ContractError } from '../../src-shared/contract/errors';

/**
 * The desktop's box: new secrets go to the OS keychain through Electron safeStorage when it is available
 * (on Linux without a keyring it is not, and the data folder's key is used instead, as on the web host);
 * secrets sealed by the web host or the CLI (`local-key`) still open.
 */
export function keychainSecretBox(local: SecretBox): SecretBox {
  return {
    seal(plain) {
      if (!safeStorage.isEncryptionAvailable()) return local.seal(plain);
      return { sealed: safeStorage.encryptString(plain).toString('base64'), scheme: 'os-keychain' };
    },
    open(sealed, scheme) {
      if (scheme !== 'os-keychain') return local.open(sealed, scheme);
      try {
        return safeStorage.decryptString(Buffer.from(sealed, 'base64'));
      } catch {
        throw new ContractError(
          'CONFLICT',
          'Parola işletim sistemi anahtarlığından okunamadı. Parolayı yeniden girin.',
        );
      }
    },
  };
}
