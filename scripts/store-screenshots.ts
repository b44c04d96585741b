// `npm run store:screenshots`: the 1280 × 800 pictures for the stores' listings (assets/store/), taken in Debian's
// Chromium with the built extension on the project's own sample pages: the panel beside a statement, the dashboard
// with notes, and a French statement in a French browser. Build first (`npm run build`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clickHighlight, launch, openStatement, ROOT, writeNote } from '../e2e/support/extension';

const SIZE = { width: 1280, height: 800 };
const OUT = join(ROOT, 'assets/store');
const page = (file: string) => readFileSync(join(ROOT, 'e2e/pages', file), 'utf8');

const EN_URL = 'https://sample.upr-annotator.test/human-rights/upr/48/kazakhstan.html';
const FR_URL = 'https://sample.upr-annotator.test/fr/droits-de-l-homme/epu/48/kazakhstan.html';
const GHANA_URL = 'https://www.regjeringen.no/en/topics/upr/upr42-ghana-statement/';

const english = await launch({ viewport: SIZE });
try {
  const statement = await openStatement(english, EN_URL, page('sample-statement.html'), 4);
  await writeNote(statement.panel, 3, 'Moratorium since 2003: ratification is the next step. Ask the ministry for its timetable.', ['death-penalty', 'follow-up']);
  await writeNote(statement.panel, 1, 'Compare with the draft law of 2024.', ['discrimination']);
  const ghana = await openStatement(english, GHANA_URL, page('dashboard-ghana-statement.html'), 2);
  await writeNote(ghana.panel, 1, 'Informal economy: most workers are outside any union.', ['labour']);

  await statement.page.bringToFront();
  await clickHighlight(statement.page, 3);
  await statement.panel.waitForSelector('.rec[data-n="3"][aria-current="true"]');
  await statement.page.waitForTimeout(400);
  await statement.page.screenshot({ path: join(OUT, 'screenshot-1-panel.png') });
  console.log('assets/store/screenshot-1-panel.png');

  const dashboard = await english.context.newPage();
  await dashboard.goto(`chrome-extension://${english.extensionId}/dashboard.html`);
  await dashboard.waitForSelector('.row-text');
  await dashboard.waitForTimeout(500);
  await dashboard.screenshot({ path: join(OUT, 'screenshot-2-dashboard.png') });
  console.log('assets/store/screenshot-2-dashboard.png');
} finally {
  await english.close();
}

const french = await launch({ viewport: SIZE, locale: 'fr-FR' });
try {
  const statement = await openStatement(french, FR_URL, page('sample-statement-fr.html'), 4);
  await writeNote(statement.panel, 1, 'Loi de 2020 sur les rassemblements : voir l’avis de la Commission de Venise.', ['liberte-de-reunion']);
  await clickHighlight(statement.page, 1);
  await statement.page.waitForTimeout(400);
  await statement.page.screenshot({ path: join(OUT, 'screenshot-3-french.png') });
  console.log('assets/store/screenshot-3-french.png');
} finally {
  await french.close();
}
