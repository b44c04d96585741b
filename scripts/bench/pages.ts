// Synthetic pages for the bench, generated here so their size and shape are known exactly.

const WORDS = 'the council government ministry report budget transport health school regional water energy minister announced policy programme funding local community development plan year'.split(' ');

function sentence(seed: number, length = 18): string {
  let s = '';
  for (let i = 0; i < length; i++) s += `${WORDS[(seed * 7 + i * 13) % WORDS.length]} `;
  return `${s.charAt(0).toUpperCase()}${s.slice(1).trim()}.`;
}

/** A news-like government page of about `bytes` bytes that is not a UPR statement. */
export function nonUprPage(bytes = 1_000_000): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const p = `<p>${sentence(i)} ${sentence(i + 1)} ${sentence(i + 2)}</p>\n`;
    parts.push(i % 40 === 0 ? `<h2>Section ${i / 40 + 1}</h2>\n${p}` : p);
    size += p.length;
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Regional transport budget 2026 — Ministry news</title></head>
<body><header><nav><a href="#">Home</a> <a href="#">News</a></nav></header><main><h1>Regional transport budget 2026</h1>
${parts.join('')}</main><footer>Ministry of Transport</footer></body></html>`;
}

const VERBS = ['Ratify', 'Adopt', 'Ensure', 'Strengthen', 'Establish', 'Amend', 'Continue', 'Consider', 'Guarantee', 'Take measures to'];
const OBJECTS = [
  'the Optional Protocol to the Convention against Torture',
  'a national action plan on business and human rights',
  'that journalists can work freely and safely',
  'the independence of the national human rights institution',
  'a moratorium on executions with a view to abolishing the death penalty',
  'the criminal code to define torture in line with international standards',
  'efforts to combat trafficking in persons, in particular women and children',
  'access to inclusive education for children with disabilities',
];

/** A statement page with `count` recommendations in one ordered list, each with distinct words. */
export function statementPage(count = 300): string {
  const items: string[] = [];
  for (let i = 0; i < count; i++) {
    items.push(`<li>${recommendationText(i)};</li>`);
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Universal Periodic Review 41: Finland - statement</title></head>
<body><header><nav><a href="#">Home</a> <a href="#">Human rights</a></nav></header><main>
<h1>Finland — Universal Periodic Review 41</h1><p>UPR 41, 8 November 2022. Statement by Norway.</p>
<p>Norway recommends that Finland:</p><ol>${items.join('\n')}</ol><p>We wish Finland every success.</p></main><footer>Site footer</footer></body></html>`;
}

/** The recommendation text statementPage uses for item i. */
export function recommendationText(i: number): string {
  return `${VERBS[i % VERBS.length]} ${OBJECTS[(i * 3) % OBJECTS.length]}, as set out in paragraph ${i + 1} of the plan, in region ${i % 17} (${i})`;
}

/**
 * A long statement of about `bytes` bytes, shaped like a working-group report: sections of narrative paragraphs,
 * each followed by a list of recommendations (`count` in all), with navigation, an inline data script and a footer.
 * `statement: true` makes it one government's statement of the same size: its title, each section's list first
 * with a lead-in, then the narrative. The annotator is injected only into pages the detector accepts, and it turns a
 * Working Group report down ("not a government statement"), as it does a page whose first recommending phrase comes
 * after the 150,000 characters it reads.
 */
export function longStatementPage(count = 300, bytes = 1_000_000, { statement = false } = {}): string {
  const sections = 30;
  const perSection = Math.ceil(count / sections);
  const paragraphBytes = Math.max(0, bytes - count * 140) / sections;
  const parts: string[] = [];
  let n = 0;
  for (let s = 0; s < sections && n < count; s++) {
    parts.push(`<h2>Section ${s + 1}: interactive dialogue</h2>\n`);
    const narrative: string[] = [];
    for (let size = 0, i = 0; size < paragraphBytes; i++) {
      const p = `<p>${sentence(s * 997 + i)} ${sentence(s * 997 + i + 1, 24)} ${sentence(s * 997 + i + 2, 12)}</p>\n`;
      narrative.push(p);
      size += p.length;
    }
    const items: string[] = [];
    for (let k = 0; k < perSection && n < count; k++, n++) items.push(`<li>${recommendationText(n)};</li>`);
    const list = `<ol start="${n - items.length + 1}">\n${items.join('\n')}\n</ol>\n`;
    // A statement's first lead-in comes early (the detector reads the first 150,000 characters): lists lead.
    if (statement) parts.push('<p>Norway recommends that Finland:</p>\n', list, ...narrative);
    else parts.push(...narrative, list);
  }
  const title = statement ? 'Universal Periodic Review 41: Finland - statement by Norway' : 'Report of the Working Group on the Universal Periodic Review: Finland';
  const heading = statement ? 'Finland — Universal Periodic Review 41: statement by Norway' : 'Finland — Universal Periodic Review 41: report of the Working Group';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<script type="application/json" id="page-data">{"section":"human-rights","tags":["upr","report"],"build":"2026.12"}</script></head>
<body><header><nav><a href="#">Home</a> <a href="#">Human rights</a> <a href="#">Reports</a></nav></header><main>
<h1>${heading}</h1><p>UPR 41, 8 November 2022.</p>
${parts.join('')}<p>We wish Finland every success.</p></main><footer>Site footer</footer></body></html>`;
}
