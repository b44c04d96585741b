// `npm run extract -- FILE.html [--url URL]`: prints, as JSON, what the extension would find on a saved page.
import { loadPage } from './lib-dom';
import { detectUprPage } from '../utils/detect';
import { extractStatement } from '../utils/extract';

function readArgs(argv: readonly string[]): { file: string; url: string } {
  let file = '';
  let url = '';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--url') url = argv[++i] ?? '';
    else if (arg.startsWith('--url=')) url = arg.slice('--url='.length);
    else if (!file) file = arg;
  }
  if (!file) {
    console.error('usage: npm run extract -- FILE.html [--url URL]');
    process.exit(2);
  }
  return { file, url: url || 'https://example.org/' };
}

const { file, url } = readArgs(process.argv.slice(2));
const doc = loadPage(file, url);
const detection = detectUprPage(doc, url);
const { page, sources, recommendations, statements, candidates } = extractStatement(doc, url);
const { title: _title, ...pageFields } = page;
console.log(
  JSON.stringify(
    {
      ...detection,
      page: pageFields,
      sources,
      // What the extension would show: nothing on a page it does not take for a statement.
      recommendations: detection.detected ? recommendations.map(({ n, text, statement }) => ({ n, text, statement })) : [],
      statements: detection.detected ? statements : [],
      // On a statement with no recommendation found, the passages the panel offers instead.
      candidates: detection.detected ? candidates.map((c) => c.text) : [],
    },
    null,
    2,
  ),
);
