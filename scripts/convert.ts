// `npm run convert -- BACKUP.json --to json|csv|md|w3c`: prints a backup in another format, with the same builders
// the extension uses, for scripting and checks. Time is the backup's own `exportedAt`, so the output of one file is
// always the same.
import { readFileSync, statSync } from 'node:fs';
import {
  ImportError,
  assertImportSize,
  buildBackup,
  buildCsv,
  buildMarkdown,
  buildW3cCollection,
  parseBackup,
  serializeBackup,
} from '../utils/export';

const FORMATS = ['json', 'csv', 'md', 'w3c'] as const;
type Format = (typeof FORMATS)[number];
const USAGE = `usage: npm run convert -- BACKUP.json --to ${FORMATS.join('|')}`;

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

function readArgs(argv: readonly string[]): { file: string; to: Format } {
  let file = '';
  let to = '';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--to') to = argv[++i] ?? '';
    else if (arg.startsWith('--to=')) to = arg.slice('--to='.length);
    else if (arg === '-h' || arg === '--help') fail(USAGE, 0);
    else if (arg.startsWith('-')) fail(`Unknown option ${arg}.\n${USAGE}`, 2);
    else if (!file) file = arg;
    else fail(`Only one backup file at a time (got ${file} and ${arg}).\n${USAGE}`, 2);
  }
  if (!file) fail(USAGE, 2);
  if (!(FORMATS as readonly string[]).includes(to)) fail(`${to ? `Unknown format "${to}"` : 'No format given'}: use --to ${FORMATS.join('|')}.\n${USAGE}`, 2);
  return { file, to: to as Format };
}

function convert(text: string, to: Format): string {
  const backup = parseBackup(text);
  const now = Date.parse(backup.exportedAt);
  switch (to) {
    case 'json':
      return serializeBackup(buildBackup(backup, now));
    case 'csv':
      return buildCsv(backup);
    case 'md':
      return buildMarkdown(backup, { now });
    case 'w3c':
      return `${JSON.stringify(buildW3cCollection(backup, { id: `urn:upr-annotator:export:${backup.exportedAt}`, now }), null, 2)}\n`;
  }
}

const { file, to } = readArgs(process.argv.slice(2));
try {
  assertImportSize(statSync(file).size); // before reading a huge file into memory
  process.stdout.write(convert(readFileSync(file, 'utf8'), to));
} catch (error) {
  if (error instanceof ImportError) fail(`${file}: ${error.message}`);
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') fail(`${file}: no such file.`);
  if (code === 'EISDIR') fail(`${file}: is a folder, not a backup file.`);
  throw error;
}
