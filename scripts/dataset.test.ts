// scripts/dataset.ts and scripts/classify.ts run as a user would (through tsx), on files written here.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'upr-dataset-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(script: string, ...args: string[]) {
  const result = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [`scripts/${script}.ts`, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

// A UPR Info export as published: Mac Roman ("C\x99te" is "Côte"), bare CR, no final newline, a joint row pair.
const UPR_INFO = Buffer.concat([
  Buffer.from('To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session\r'),
  Buffer.from('C'), Buffer.from([0x99]), Buffer.from("te d'Ivoire,Africa,\"AU, OIF\",Ratify the Optional Protocol to the Convention against Torture,France,WEOG,EU,Accepted,5,\"International instruments,Torture and other CID treatment\",6\r"),
  Buffer.from('C'), Buffer.from([0x99]), Buffer.from("te d'Ivoire,Africa,\"AU, OIF\",Ratify the Optional Protocol to the Convention against Torture,Brazil,GRULAC,,Accepted,5,\"International instruments,Torture and other CID treatment\",6\r"),
  Buffer.from('C'), Buffer.from([0x99]), Buffer.from("te d'Ivoire,Africa,,Take measures to end child labour,Atlantis-on-Sea,,,Noted,4,Labour,2019"),
]);

describe('npm run dataset', { timeout: 60_000 }, () => {
  it('--json prints format, encoding, rows, skipped rows and the records as they would be stored', () => {
    const { code, stdout, stderr } = run('dataset', file('upr-info.csv', UPR_INFO), '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      format: 'upr-info',
      encoding: 'Mac Roman',
      rows: 3,
      skipped: [{ line: 4, reason: 'session "2019" is not a UPR Working Group session' }],
      skippedCount: 1,
      records: [
        {
          line: 2,
          stateUnderReview: 'CIV',
          recommendingStates: ['FRA', 'BRA'],
          session: 6,
          cycle: 1,
          text: 'Ratify the Optional Protocol to the Convention against Torture',
          response: 'supported',
          category: 5,
          themes: ['International instruments', 'Torture and other cruel, inhuman or degrading treatment'],
          reportSymbol: null,
          paragraph: null,
        },
      ],
    });
  });

  it('without --json prints a summary for people', () => {
    const { code, stdout } = run('dataset', file('upr-info.csv', UPR_INFO));
    expect(code).toBe(0);
    expect(stdout).toContain('UPR Info database export, Mac Roman');
    expect(stdout).toContain('3 rows read, 1 skipped → 1 recommendation (1 joint, of several recommending states)');
    expect(stdout).toContain('skipped line 4: session "2019" is not a UPR Working Group session');
  });

  it('says why a file cannot be imported, with a failing exit code', () => {
    const { code, stdout, stderr } = run('dataset', file('people.csv', 'Name,Email\nAda,ada@example.org\n'), '--json');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/people\.csv: This file is not a recommendations dataset: no column for /);
  });
});

describe('npm run classify', { timeout: 60_000 }, () => {
  it('--json classifies a JSON array of { text, language } in order', () => {
    const input = file('recs.json', JSON.stringify([
      { text: 'Adopt a law on domestic violence', language: 'en' },
      { text: 'Poursuivre ses efforts en vue de lutter contre la traite des êtres humains', language: 'fr' },
      { text: 'Thank you, Mr. President.' },
    ]));
    const { code, stdout } = run('classify', input, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      { category: 5, themes: ["Women's rights"] },
      { category: 2, themes: ['Trafficking'] },
      { category: null, themes: [] },
    ]);
  });

  it('--agreement prints agreement overall and per category against the file’s coding', () => {
    const { code, stdout } = run('classify', '--agreement', file('upr-info.csv', UPR_INFO));
    expect(code).toBe(0);
    expect(stdout).toContain('upr-info.csv: 100.0 % agreement over 1 recommendations (0 unclassified)');
    expect(stdout).toContain('category 5: 100.0 % of 1 coded 5');
  });

  it.each([
    ['not JSON', 'bad.json', '{', /bad\.json: not a readable JSON file/],
    ['an item without text', 'notext.json', '[{"language": "en"}]', /notext\.json: item 1 has no "text" string/],
  ])('refuses %s', (_, name, content, message) => {
    const { code, stderr } = run('classify', file(name, content), '--json');
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});
