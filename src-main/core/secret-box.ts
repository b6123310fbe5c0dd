import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ContractError } from '../../src-shared/contract/errors';

/**
 * How a secret (a mail or SMS password) was sealed. `os-keychain`: Electron safeStorage (Keychain on macOS,
 * DPAPI on Windows, libsecret/kwallet on Linux) — only the desktop app on that machine can open it.
 * `local-key`: AES-256-GCM with a random key kept in a file of the data folder (readable by its owner only),
 * for the web host and the CLI. Either way the database never holds the password in plain text.
 */
export type SecretScheme = 'os-keychain' | 'local-key';

export interface SealedSecret {
  sealed: string;
  scheme: SecretScheme;
}

export interface SecretBox {
  seal(plain: string): SealedSecret;
  /** Throws a ContractError naming the reason when this host cannot open the secret. */
  open(sealed: string, scheme: string): string;
}

const KEY_FILE = path.join('keys', 'secret.key');

/** Reads the data folder's key, making it (0600, never overwritten) on first use. */
function loadOrCreateKey(dataDir: string): Buffer {
  const file = path.join(dataDir, KEY_FILE);
  try {
    const key = fs.readFileSync(file);
    if (key.length !== 32) throw new Error(`${file}: 32 bayt olmalı, ${key.length} bayt`);
    return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const key = crypto.randomBytes(32);
  try {
    // 'wx': two processes starting together must not each write their own key.
    fs.writeFileSync(file, key, { mode: 0o600, flag: 'wx' });
    return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return fs.readFileSync(file);
    throw err;
  }
}

/** The web host's and CLI's box: AES-256-GCM, base64(iv ‖ tag ‖ ciphertext). The key is read lazily. */
export function localKeySecretBox(dataDir: string): SecretBox {
  let key: Buffer | undefined;
  const getKey = () => (key ??= loadOrCreateKey(dataDir));
  return {
    seal(plain) {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', getKey(), iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return { sealed: Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64'), scheme: 'local-key' };
    },
    open(sealed, scheme) {
      if (scheme !== 'local-key') {
        throw new ContractError(
          'CONFLICT',
          'Bu parola masaüstü uygulamasının işletim sistemi anahtarlığında saklı; burada açılamıyor. Parolayı yeniden girin.',
        );
      }
      const raw = Buffer.from(sealed, 'base64');
      try {
        const decipher = crypto.createDecipheriv('aes-256-gcm', getKey(), raw.subarray(0, 12));
        decipher.setAuthTag(raw.subarray(12, 28));
        return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      } catch {
        throw new ContractError(
          'CONFLICT',
          'Saklı parola çözülemedi (anahtar dosyası değişmiş olabilir). Parolayı yeniden girin.',
        );
      }
    },
  };
}
