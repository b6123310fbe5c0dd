import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The house rules are lint rules; these prove each one fires where it should and
// stays quiet where the import is allowed.
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImportErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals')
    .map((m) => m.message);
}

describe('process boundaries', () => {
  it('refuses electron outside src-main/host', async () => {
    const code = "import { app } from 'electron';\nexport const a = app;\n";
    expect(await restrictedImportErrors('src-main/services/cards/x.ts', code)).toHaveLength(1);
    expect(await restrictedImportErrors('src-main/core/x.ts', code)).toHaveLength(1);
    expect(await restrictedImportErrors('src-main/host/x.ts', code)).toHaveLength(0);
  });

  it('refuses Node built-ins, better-sqlite3 and src-main in the renderer', async () => {
    const file = 'src-renderer/modules/cards/x.ts';
    expect(await restrictedImportErrors(file, "import fs from 'node:fs';\nexport const a = fs;\n")).toHaveLength(1);
    expect(await restrictedImportErrors(file, "import path from 'path';\nexport const a = path;\n")).toHaveLength(1);
    expect(await restrictedImportErrors(file, "import D from 'better-sqlite3';\nexport const a = D;\n")).toHaveLength(
      1,
    );
    expect(
      await restrictedImportErrors(
        file,
        "import { openApp } from '../../../src-main/core/app';\nexport const a = openApp;\n",
      ),
    ).toHaveLength(1);
    expect(await restrictedImportErrors(file, "import { z } from 'zod';\nexport const a = z;\n")).toHaveLength(0);
  });

  it('keeps src-shared free of Node, DOM and Electron', async () => {
    const file = 'src-shared/domain/x.ts';
    expect(await restrictedImportErrors(file, "import os from 'node:os';\nexport const a = os;\n")).toHaveLength(1);
    expect(
      await restrictedImportErrors(file, "import { shell } from 'electron';\nexport const a = shell;\n"),
    ).toHaveLength(1);
    expect(await restrictedImportErrors(file, 'export const a = () => document.title;\n')).toHaveLength(1);
    expect(await restrictedImportErrors(file, 'export const a = () => process.env;\n')).toHaveLength(1);
    expect(await restrictedImportErrors(file, "import { z } from 'zod';\nexport const a = z;\n")).toHaveLength(0);
  });
});
