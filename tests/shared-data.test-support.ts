// The development data beside the project (`../shared`: labelled third-party pages, real UPR datasets, the W3C
// suite). A clone has none of it; tests that read it ask here, and when it is absent one line says what was not run.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SHARED_ROOT = resolve(import.meta.dirname, '../../shared');

/** The path of `../shared/<sub>` when it is there; otherwise null, after printing what is not run without it. */
export function sharedPath(sub: string, notRun: string): string | null {
  const path = join(SHARED_ROOT, sub);
  if (existsSync(path)) return path;
  console.log(`[not run] ${notRun}: ../shared/${sub} is not beside this clone`);
  return null;
}
