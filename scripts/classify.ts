// `npm run classify -- FILE --json`: reads a JSON array of { "text", "language" } and prints, in order, a JSON
// array of { "category", "themes" } as the extension would compute them.
// `npm run classify -- --agreement FILE.csv [FILE.csv…] [--json]`: how far the computed action category agrees
// with the human coding of a dataset that has one (UPR Info's "Action" column), per file, per category, overall.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { classifyRecommendation } from '../utils/classify';
import { formatAgreement, measureAgreement, type CodedRecommendation } from '../utils/classify/agreement';
import { DatasetError, decodeDataset, parseDataset } from '../utils/dataset';

const USAGE = 'usage: npm run classify -- FILE.json --json\n       npm run classify -- --agreement DATASET.csv [DATASET.csv…] [--json]';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function classifyFile(file: string): void {
  let items: unknown;
  try {
    items = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    fail(`${file}: not a readable JSON file (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!Array.isArray(items)) fail(`${file}: expected a JSON array of { "text", "language" }`);
  const out = items.map((item, i) => {
    const text = typeof item === 'string' ? item : item && typeof item === 'object' ? (item as { text?: unknown }).text : undefined;
    if (typeof text !== 'string') fail(`${file}: item ${i + 1} has no "text" string`);
    const language = typeof item === 'object' && item && typeof (item as { language?: unknown }).language === 'string' ? (item as { language: string }).language : null;
    const { actionCategory, themes } = classifyRecommendation(text, language);
    return { category: actionCategory, themes };
  });
  console.log(JSON.stringify(out, null, 2));
}

/** The recommendations of a dataset file that carry a human-coded action category. */
export async function codedRecommendations(file: string): Promise<CodedRecommendation[]> {
  const { text } = decodeDataset(readFileSync(file));
  const { rows } = await parseDataset(text, { fileName: basename(file) });
  return rows.flatMap((r) => (r.dataset?.actionCategory && r.actionCategory ? [{ text: r.text, language: r.language, category: r.actionCategory }] : []));
}

async function agreement(files: string[], json: boolean): Promise<void> {
  if (files.length === 0) fail(USAGE);
  const all: CodedRecommendation[] = [];
  const reports = [];
  for (const file of files) {
    let coded: CodedRecommendation[];
    try {
      coded = await codedRecommendations(file);
    } catch (error) {
      fail(`${file}: ${error instanceof DatasetError ? error.message : String(error)}`);
    }
    if (coded.length === 0) fail(`${file}: no recommendation in it has a human-coded action category ("Action" column)`);
    all.push(...coded);
    reports.push({ file, ...measureAgreement(coded) });
  }
  const overall = measureAgreement(all);
  if (json) {
    console.log(JSON.stringify({ files: reports, overall }, null, 2));
    return;
  }
  for (const report of reports) console.log(formatAgreement(report, report.file));
  if (reports.length > 1) console.log(formatAgreement(overall, 'all files'));
}

const args = process.argv.slice(2);
const json = args.includes('--json');
const rest = args.filter((a) => a !== '--json' && a !== '--agreement');
if (args.includes('--agreement')) await agreement(rest, json);
else if (rest.length === 1) classifyFile(rest[0]!);
else fail(USAGE);
