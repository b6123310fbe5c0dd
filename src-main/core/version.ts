import fs from 'node:fs';
import path from 'node:path';
import { appRoot } from './paths';

export const APP_VERSION: string = (
  JSON.parse(fs.readFileSync(path.join(appRoot(), 'package.json'), 'utf8')) as { version: string }
).version;
