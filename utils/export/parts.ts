// A file's text as parts to hand to a Blob: a 300,000-record export is hundreds of megabytes, more than one
// string should (or, past 512 M characters, can) hold. Each part is one record or a run of lines.

/** Lines per part where a format is written line by line. */
const LINES_PER_PART = 5_000;

/**
 * JSON.stringify(value, null, 2) as parts, the same text once joined: objects are written a field at a time and
 * arrays an item at a time, each item whole.
 */
export function jsonParts(value: unknown, out: string[] = [], indent = ''): string[] {
  const inner = `${indent}  `;
  const whole = (item: unknown) => (JSON.stringify(item, null, 2) ?? 'null').replaceAll('\n', `\n${inner}`);
  if (Array.isArray(value)) {
    if (value.length === 0) out.push('[]');
    else {
      out.push('[\n');
      value.forEach((item, i) => out.push(`${inner}${whole(item)}${i < value.length - 1 ? ',' : ''}\n`));
      out.push(`${indent}]`);
    }
    return out;
  }
  if (value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    out.push(JSON.stringify(value, null, 2).replaceAll('\n', `\n${indent}`));
    return out;
  }
  // As JSON.stringify does: fields without a JSON value are left out.
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
  if (entries.length === 0) out.push('{}');
  else {
    out.push('{\n');
    entries.forEach(([key, v], i) => {
      out.push(`${inner}${JSON.stringify(key)}: `);
      jsonParts(v, out, inner);
      out.push(i < entries.length - 1 ? ',\n' : '\n');
    });
    out.push(`${indent}}`);
  }
  return out;
}

/** lines.join(separator) as parts of a few thousand lines each. */
export function joinedParts(lines: readonly string[], separator: string): string[] {
  const out: string[] = [];
  for (let start = 0; start < lines.length; start += LINES_PER_PART) {
    out.push((start > 0 ? separator : '') + lines.slice(start, start + LINES_PER_PART).join(separator));
  }
  return out;
}
