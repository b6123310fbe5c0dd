/**
 * `kartotek`: the command line for admins and scripts. It opens the same data
 * folder as the app and goes through the same contract (same validation), so
 * anything the UI can do, a script can do, and nothing more.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { calls } from '../../src-shared/contract';
import { openApp, type KartotekApp } from '../core/app';
import { defaultDataDir } from '../core/paths';
import { APP_VERSION } from '../core/version';
import { runDemo } from '../core/demo';
import { cardTypeArg, CommandError, exportCommand, importCommand, importSummaryText } from './transfer-commands';
import { docsAddCommand, docsTextCommand } from './document-commands';
import { searchHitsJson, searchText } from './search-command';
import { agendaCommand } from './agenda-commands';
import { mailCommand } from './mail-commands';
import type { SearchGroup } from '../../src-shared/contract/search';

const USAGE = `Kullanım / Usage: kartotek [--data DIR] <komut>

  demo                       boş veritabanını örnek bir firmayla doldurur / fills an empty database with a demo firm
  search "SORGU" [--json] [--limit N]
                             kartlarda ve belgelerde arama, türe göre N sonuç (s. = sayfa) /
                             search over cards and documents, N hits per type (s. = page)
  call METHOD ['JSON']       herhangi bir sözleşme çağrısı, JSON çıktı / any contract call, JSON out
  call --list                tüm çağrılar ve girdi şemaları (JSON Schema) / every call with its input schema
  check [--json]             bütünlük denetimi ve şema sürümü / integrity check and migration state
  import persons|institutions DOSYA [--mapping EŞLEME.json] [--on-duplicate skip|update|create]
         [--dry-run] [--valid-rows] [--json]
                             .csv/.xlsx/.vcf içe aktarır / imports a file (eşleme: {"Başlık": "hedef"})
  export persons|institutions --format xlsx|csv|vcf -o DOSYA [--segment ID] [--q METİN] [--province İL] [--kind TÜR]
                             liste ya da segmenti dosyaya yazar / writes a list or segment to a file
  docs add DOSYA --to person:ID|institution:ID [--json] [--no-wait]
                             dosyayı karta belge olarak ekler, metnini çıkarır (--no-wait: beklemeden) /
                             files a document on a card and extracts its text (--no-wait: later, in the app)
  docs text ID [--json]      belgenin metni, sayfalar form feed ile ayrılır / a document's text, pages split by \\f
  agenda holidays YIL [--json]
                             yılın resmî ve dinî tatilleri, arife yarım günleri (veritabanı gerekmez) /
                             the year's public and religious holidays and half days (no database needed)
  agenda import DOSYA.ics --calendar AD [--create] [--json]
                             Outlook/Google/Apple .ics dosyasını takvime alır; her etkinlik alındı, atlandı ya da
                             nedeniyle reddedildi (reddedilen varsa çıkış 1; --create: takvim yoksa açar) /
                             imports an .ics file into a calendar: imported, skipped, refused with a reason
  agenda export --calendar AD [--from YYYY-AA-GG] [--to YYYY-AA-GG] > DOSYA.ics
                             takvimi iCalendar olarak yazar / writes a calendar as iCalendar
  mail accounts add --imap HOST:PORT --smtp HOST:PORT --user U --password-env DEĞİŞKEN
         [--tls none|starttls|tls] [--name AD] [--address ADRES] [--json]
                             posta hesabı ekler (parola ortam değişkeninden, şifreli saklanır) /
                             adds a mail account (password read from the variable, stored sealed)
  mail sync [--account ID] [--json]
                             hesapları bir kez tarar: alınan, saklanan, bağlanan, dosyalanmamış, geri dönen /
                             scans the accounts once: fetched, stored, linked, unfiled, bounces
  mail send --to ADRES --subject KONU --text DOSYA [--account ID] [--json]
                             tek bir e-posta gönderir / sends one mail

  --data DIR   veri klasörü / data folder (varsayılan / default: ${defaultDataDir()})
  --version, --help`;

class UsageError extends Error {}

function fail(message: string, code = 1): never {
  process.stderr.write(`kartotek: ${message.replace(/\s+/g, ' ')}\n`);
  process.exit(code);
}

function print(value: unknown, json: boolean, text: () => string): void {
  process.stdout.write(json ? JSON.stringify(value, null, 2) + '\n' : text() + '\n');
}

async function callOrFail(app: KartotekApp, method: string, input: unknown): Promise<unknown> {
  const result = await app.call(method, input);
  if (!result.ok) fail(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

function listCalls(): Record<string, { summary: string; input: unknown }> {
  const out: Record<string, { summary: string; input: unknown }> = {};
  for (const [name, spec] of Object.entries(calls)) {
    out[name] = { summary: spec.summary, input: z.toJSONSchema(spec.input, { io: 'input', unrepresentable: 'any' }) };
  }
  return out;
}

async function run(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      json: { type: 'boolean', default: false },
      list: { type: 'boolean', default: false },
      limit: { type: 'string' },
      mapping: { type: 'string' },
      'on-duplicate': { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'valid-rows': { type: 'boolean', default: false },
      format: { type: 'string' },
      output: { type: 'string', short: 'o' },
      segment: { type: 'string' },
      q: { type: 'string' },
      province: { type: 'string' },
      kind: { type: 'string' },
      to: { type: 'string' },
      from: { type: 'string' },
      calendar: { type: 'string' },
      create: { type: 'boolean', default: false },
      'no-wait': { type: 'boolean', default: false },
      imap: { type: 'string' },
      smtp: { type: 'string' },
      user: { type: 'string' },
      'password-env': { type: 'string' },
      tls: { type: 'string' },
      name: { type: 'string' },
      address: { type: 'string' },
      account: { type: 'string' },
      subject: { type: 'string' },
      text: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
    },
  });
  if (values.version) return void process.stdout.write(`${APP_VERSION}\n`);
  const [command, ...rest] = positionals;
  if (values.help || !command) return void process.stdout.write(USAGE + '\n');
  if (command === 'call' && values.list) return print(listCalls(), true, () => '');
  if (command === 'agenda') {
    const { value, text, failed } = await agendaCommand(rest, {
      calendar: values.calendar,
      create: values.create,
      from: values.from,
      to: values.to,
      open: () => openApp({ dataDir: values.data ?? defaultDataDir() }),
    });
    print(value, values.json, text);
    if (failed) process.exitCode = 1;
    return;
  }

  if (command === 'mail') {
    const { value, text, failed } = await mailCommand(rest, {
      imap: values.imap,
      smtp: values.smtp,
      user: values.user,
      passwordEnv: values['password-env'],
      tls: values.tls,
      name: values.name,
      address: values.address,
      account: values.account,
      to: values.to,
      subject: values.subject,
      text: values.text,
      open: () => openApp({ dataDir: values.data ?? defaultDataDir() }),
    });
    print(value, values.json, text);
    if (failed) process.exitCode = 1;
    return;
  }

  const known = ['demo', 'search', 'call', 'check', 'import', 'export', 'docs'];
  if (!known.includes(command)) throw new UsageError(`bilinmeyen komut "${command}" (kartotek --help)`);

  const app = openApp({ dataDir: values.data ?? defaultDataDir() });
  try {
    switch (command) {
      case 'demo': {
        const counts = runDemo(app, (done, total) => {
          if (!values.json) process.stderr.write(`\rDemo verisi yükleniyor… ${done}/${total}`);
        });
        if (!values.json) process.stderr.write('\n');
        return print(counts, values.json, () => `Demo firma yüklendi: ${JSON.stringify(counts)}`);
      }
      case 'search': {
        const q = rest.join(' ');
        if (!q.trim()) throw new UsageError('arama sorgusu gerekli: kartotek search "SORGU"');
        const limit = values.limit ? Number(values.limit) : 20;
        const { groups } = (await callOrFail(app, 'search.query', { q, limit })) as { groups: SearchGroup[] };
        return print(searchHitsJson(groups), values.json, () => searchText(groups));
      }
      case 'call': {
        const [method, json] = rest;
        if (!method)
          throw new UsageError('çağrı adı gerekli: kartotek call METHOD \'{"…":…}\' (liste: kartotek call --list)');
        let input: unknown = {};
        if (json !== undefined) {
          try {
            input = JSON.parse(json);
          } catch {
            throw new UsageError(`girdi geçerli bir JSON değil: ${json.slice(0, 80)}`);
          }
        }
        return print(await callOrFail(app, method, input), true, () => '');
      }
      case 'import': {
        const [type, file] = rest;
        const cardType = cardTypeArg(type);
        if (!file) throw new UsageError('içe aktarılacak dosya gerekli: kartotek import persons DOSYA');
        const stop = progressOnStderr(app, values.json);
        const { report } = await importCommand(app, {
          cardType,
          file,
          mappingFile: values.mapping,
          onDuplicate: values['on-duplicate'],
          dryRun: values['dry-run'],
          validRows: values['valid-rows'],
        }).finally(stop);
        print(report, values.json, () => importSummaryText(report));
        // Nothing imported because of errors (or a dry run that found some): scripts must notice.
        if (report.errorRows > 0 && !report.committed) process.exitCode = 1;
        return;
      }
      case 'export': {
        const stop = progressOnStderr(app, values.json);
        const result = await exportCommand(app, {
          cardType: cardTypeArg(rest[0]),
          format: values.format,
          out: values.output,
          segment: values.segment,
          q: values.q,
          province: values.province,
          kind: values.kind,
        }).finally(stop);
        return print(result, values.json, () => `${result.rowCount} kart yazıldı: ${result.file}`);
      }
      case 'docs': {
        const [sub, arg] = rest;
        if (sub === 'text') {
          const text = docsTextCommand(app, arg);
          if (values.json) return print(text, true, () => '');
          if (text.status !== 'done') process.stderr.write(`Metin yok (${text.status}): ${text.reason ?? ''}\n`);
          else process.stdout.write(text.pages.join('\f') + '\n');
          return;
        }
        if (sub !== 'add')
          throw new UsageError(
            `bilinmeyen docs komutu "${sub ?? ''}" (kartotek docs add DOSYA --to … | docs text KİMLİK)`,
          );
        const result = await docsAddCommand(app, { file: arg, to: values.to, wait: !values['no-wait'] });
        return print(result, values.json, () => `Belge eklendi: ${result.documentId} (metin: ${result.textStatus})`);
      }
      case 'check': {
        const value = (await callOrFail(app, 'system.check', {})) as { ok: boolean; integrity: string[] };
        print(value, values.json, () => (value.ok ? 'Veritabanı sağlam.' : `Sorun var: ${value.integrity.join('; ')}`));
        if (!value.ok) process.exitCode = 1;
        return;
      }
    }
  } finally {
    app.close();
  }
}

/** Progress of an import or export on stderr (never with --json: stdout is for the answer, stderr stays quiet). */
function progressOnStderr(app: KartotekApp, json: boolean): () => void {
  if (json || !process.stderr.isTTY) return () => {};
  const stop = app.ctx.events.subscribe((event) => {
    if (event.name !== 'transfer.progress') return;
    const { phase, done, total } = event.payload as { phase: string; done: number; total: number | null };
    process.stderr.write(`\r${phase} ${done}${total ? `/${total}` : ''}    `);
  });
  return () => {
    stop();
    process.stderr.write('\n');
  };
}

run(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError) fail(err.message, 2);
  if (err instanceof CommandError) fail(err.message, err.usage ? 2 : 1);
  // parseArgs errors (unknown option) are usage errors too.
  if ((err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) fail((err as Error).message, 2);
  fail((err as Error).message);
});
