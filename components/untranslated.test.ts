// Every word the UI shows or reads aloud goes through the catalogue (utils/i18n, or _locales for the content
// script): this reads the sources and fails on text written straight into markup — JSX text, the attributes a
// screen reader or a tooltip speaks, and what the content script sets on its own elements.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
/** Words that are the same in every language: language names written in their own language, the product's name. */
const UNTRANSLATED_ON_PURPOSE = new Set(['English', 'Français', 'UPR Annotator']);
const SPOKEN_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'title', 'placeholder', 'alt', 'label', 'aria-roledescription']);

function sources(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && ext.test(e.name) && !/\.test\.|test-support/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

const hasWords = (text: string) => /\p{L}{2,}/u.test(text) && !UNTRANSLATED_ON_PURPOSE.has(text.trim());

function untranslatedIn(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const where = (node: ts.Node) => `${relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text)) found.push(`${where(node)} text "${node.text.trim()}"`);
    if (ts.isJsxAttribute(node) && SPOKEN_ATTRIBUTES.has(node.name.getText()) && node.initializer && ts.isStringLiteral(node.initializer) && hasWords(node.initializer.text)) {
      found.push(`${where(node)} ${node.name.getText()}="${node.initializer.text}"`);
    }
    // el.setAttribute('aria-label', '…') / el.title = '…' in code that builds its own elements.
    if (ts.isCallExpression(node) && node.expression.getText().endsWith('.setAttribute') && node.arguments.length === 2) {
      const [name, value] = node.arguments;
      const literals = value && (ts.isConditionalExpression(value) ? [value.whenTrue, value.whenFalse] : [value]);
      if (name && ts.isStringLiteral(name) && SPOKEN_ATTRIBUTES.has(name.text)) {
        for (const v of literals ?? []) if (ts.isStringLiteralLike(v) && hasWords(v.text)) found.push(`${where(node)} ${name.text}="${v.text}"`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('no text outside the catalogue', () => {
  const files = [...sources(join(ROOT, 'components'), /\.tsx$/), ...sources(join(ROOT, 'entrypoints'), /\.tsx?$/)];

  it('reads the UI sources', () => expect(files.length).toBeGreaterThan(10));

  it('finds no words written straight into the UI', () => {
    expect(files.flatMap((file) => untranslatedIn(file))).toEqual([]);
  });

  it('would catch one', () => {
    const probe = join(ROOT, 'components', 'Probe.tsx');
    expect(untranslatedIn(probe, '<p title="Close">\n  Delete <b>{t("x")}</b> <i>UPR Annotator</i>\n</p>')).toEqual([
      'components/Probe.tsx:1 title="Close"',
      'components/Probe.tsx:2 text "Delete"',
    ]);
  });
});
