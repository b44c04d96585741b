// Test support: the W3C Web Annotation test suite's "must" assertions (vendored in tests/w3c-annotation), compiled with
// ajv as the suite's own runner composes them: every definitions/*.json schema registered under its id, then each
// assertion file listed in a *Musts.test. Only tests import this module.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

export const W3C_SUITE = join(__dirname, '../../tests/w3c-annotation');

export interface Assertion {
  file: string;
  title: string;
  errorMessage: string;
  /** True when the object meets the assertion. */
  check: (value: unknown) => boolean;
}

function readJsonFile(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

/** The compiled "must" assertions of one list, e.g. `annotations/annotationMusts.test`. */
export function loadMusts(testFile: string): Assertion[] {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const definitions = join(W3C_SUITE, 'definitions');
  for (const file of readdirSync(definitions).filter((f) => f.endsWith('.json'))) ajv.addSchema(readJsonFile(join(definitions, file)));
  const list = readJsonFile(join(W3C_SUITE, testFile)) as { assertions: string[] };
  return list.assertions.map((file) => {
    const schema = readJsonFile(join(W3C_SUITE, file));
    if (schema.assertionType !== 'must') throw new Error(`${file} is not a "must" assertion`);
    const validate = ajv.getSchema(String(schema.id)) ?? ajv.compile(schema);
    const expectValid = schema.expectedResult === 'valid';
    return { file, title: String(schema.title), errorMessage: String(schema.errorMessage), check: (value) => Boolean(validate(value)) === expectValid };
  });
}

/** The assertions `value` fails, as "file: message" lines (empty when it passes them all). */
export function failedMusts(assertions: Assertion[], value: unknown): string[] {
  return assertions.filter((a) => !a.check(value)).map((a) => `${a.file}: ${a.errorMessage}`);
}
