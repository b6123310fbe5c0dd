/**
 * Files the OS would run rather than show: a program, a script, a shortcut, an installer, a disk image that
 * mounts one. A mail attachment named "fatura.pdf.exe" (or a "rapor.pdf" that is really a program) must not start
 * with one click on "open with the default program". Decided by the last extension and by the first bytes, so a
 * renamed program is caught too. Downloading a copy stays allowed: then the user (and their virus scanner) decide.
 */
const RUNNABLE_EXTENSIONS = new Set(
  [
    // Windows programs, libraries, installers, control panel items, screen savers
    'exe com scr pif dll cpl msi msp mst msc sys drv ocx',
    // Windows scripts and shortcuts
    'bat cmd vbs vbe js jse wsf wsh wsc ps1 psm1 psd1 hta lnk url scf inf reg application appref-ms gadget',
    'settingcontent-ms library-ms',
    // disk images that mount and show a program as if it were a folder
    'iso img vhd vhdx',
    // macOS and Linux
    'app command tool pkg dmg sh bash zsh csh ksh desktop run appimage deb rpm bin elf out',
    // cross-platform
    'jar jnlp py pyw pl rb php apk',
  ].flatMap((group) => group.split(' ')),
);

/** First bytes of programs: Windows (MZ), Linux (ELF), macOS (Mach-O), and any script with a #! line. */
const RUNNABLE_MAGIC: { bytes: number[]; what: string }[] = [
  { bytes: [0x4d, 0x5a], what: 'Windows programı' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'Linux programı' },
  { bytes: [0xcf, 0xfa, 0xed, 0xfe], what: 'macOS programı' },
  { bytes: [0xce, 0xfa, 0xed, 0xfe], what: 'macOS programı' },
  { bytes: [0x23, 0x21], what: 'betik' },
];

/** Why the OS would run this file (a Turkish phrase), or null when it would only show it. */
export function runnableReason(name: string, head: Buffer): string | null {
  const extension = /\.([^.\\/]+)$/.exec(name.trim().toLowerCase())?.[1];
  if (extension && RUNNABLE_EXTENSIONS.has(extension)) return `.${extension} uzantılı`;
  const magic = RUNNABLE_MAGIC.find((m) => m.bytes.every((b, i) => head[i] === b));
  return magic ? `içeriği bir ${magic.what}` : null;
}
