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
    items.push(`<li>${VERBS[i % VERBS.length]} ${OBJECTS[(i * 3) % OBJECTS.length]}, as set out in paragraph ${i + 1} of the plan, in region ${i % 17} (${i});</li>`);
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Universal Periodic Review 41: Finland - statement</title></head>
<body><header><nav><a href="#">Home</a> <a href="#">Human rights</a></nav></header><main>
<h1>Finland — Universal Periodic Review 41</h1><p>UPR 41, 8 November 2022. Statement by Norway.</p>
<p>Norway recommends that Finland:</p><ol>${items.join('\n')}</ol><p>We wish Finland every success.</p></main><footer>Site footer</footer></body></html>`;
}
