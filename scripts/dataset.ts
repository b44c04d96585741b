// `npm run dataset -- FILE [--json]`: what importing FILE into the dashboard would store, read by the same code:
// the format and encoding found, how many rows were read and skipped (each skipped row with its line and why),
// and the records (states as ISO codes, session, cycle, text, response, category, themes). Without --json, a
// summary for people; with it, one JSON object.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { DatasetError, decodeDataset, FORMAT_NAMES, parseDataset, summarizeRecord } from '../utils/dataset';

const PREVIEW_ROWS = 5;
const SKIPPED_SHOWN = 20;

const args = process.argv.slice(2);
const json = args.includes('--json');
const files = args.filter((a) => !a.startsWith('--'));
if (files.length !== 1) {
  console.error('usage: npm run dataset -- FILE [--json]');
  process.exit(2);
}
const file = files[0]!;

let bytes: Buffer;
try {
  bytes = readFileSync(file);
} catch (error) {
  console.error(`${file}: cannot be read (${error instanceof Error ? error.message : String(error)})`);
  process.exit(2);
}

try {
  const { text, encoding } = decodeDataset(bytes);
  const result = await parseDataset(text, { fileName: basename(file) });
  const records = result.rows.map(summarizeRecord);
  if (json) {
    // `skipped` lists the first 1,000 skipped rows; `skippedCount` counts them all.
    const out = { format: result.format, encoding, rows: result.read, skipped: result.skipped, skippedCount: result.skippedCount, records };
    console.log(JSON.stringify(out, null, 2));
  } else {
    const joint = result.rows.filter((r) => r.recommendingStates).length;
    console.log(`${file}: ${FORMAT_NAMES[result.format]}, ${encoding}`);
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    console.log(`  ${plural(result.read, 'row')} read, ${result.skippedCount} skipped → ${plural(records.length, 'recommendation')} (${joint} joint, of several recommending states)`);
    for (const { line, reason } of result.skipped.slice(0, SKIPPED_SHOWN)) console.log(`  skipped line ${line}: ${reason}`);
    if (result.skippedCount > SKIPPED_SHOWN) console.log(`  …and ${result.skippedCount - SKIPPED_SHOWN} more skipped rows (--json lists them)`);
    console.log('  first records:');
    for (const r of records.slice(0, PREVIEW_ROWS)) {
      console.log(`  line ${r.line}: ${r.recommendingStates.join('+') || '?'} → ${r.stateUnderReview}, session ${r.session ?? '?'} (cycle ${r.cycle}), ${r.response ?? 'no response'}, category ${r.category ?? '?'}; ${r.themes.join(', ') || 'no themes'}`);
      console.log(`    ${r.text.length > 140 ? `${r.text.slice(0, 139)}…` : r.text}`);
    }
  }
} catch (error) {
  console.error(`${file}: ${error instanceof DatasetError ? error.message : String(error)}`);
  process.exit(1);
}
