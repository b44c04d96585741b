// Commands the background sends to the annotator in a tab (from the toolbar button, a keyboard shortcut, the context
// menu, or after a correction), declared once: each command's payload a valibot schema, checked at the receiving end
// like requests, and taken only from the background of our own extension.
import * as v from 'valibot';
import { PROTOCOL_VERSION } from './envelope';

export const TAB_COMMANDS = {
  /** Show or hide the highlights. */
  'toggle-highlights': v.strictObject({}),
  /** Select the next (+1) or previous (-1) recommendation on the page. */
  step: v.strictObject({ direction: v.picklist([1, -1]) }),
  'focus-panel': v.strictObject({}),
  /** Add the page's selection as a recommendation. */
  'add-selection': v.strictObject({}),
  /** Read the page again (its corrections changed). */
  refresh: v.strictObject({}),
} as const satisfies Record<string, v.GenericSchema>;

export type TabCommands = { [C in keyof typeof TAB_COMMANDS]: v.InferOutput<(typeof TAB_COMMANDS)[C]> };
export type TabCommand = { [C in keyof TabCommands]: { command: C; payload: TabCommands[C] } }[keyof TabCommands];

const names = Object.keys(TAB_COMMANDS) as (keyof TabCommands)[];
const EnvelopeSchema = v.object({ upr: v.literal(PROTOCOL_VERSION), command: v.picklist(names), payload: v.unknown() });

/**
 * The command in `message` if it is one, well-formed, from the background of extension `extensionId` (in no tab: a
 * content script or page always has one); null otherwise, with the reason given to `log` for a message that was
 * meant as a command.
 */
export function readTabCommand(
  message: unknown,
  sender: { id?: string; tab?: unknown },
  extensionId: string,
  log: (reason: string) => void = (reason) => console.warn('[UPR Annotator] dropped a tab command:', reason),
): TabCommand | null {
  if (typeof message !== 'object' || message === null || !('command' in message)) return null;
  if (sender.id !== extensionId || sender.tab !== undefined) return log('not from our background'), null;
  const what = String((message as { command: unknown }).command).slice(0, 40);
  const envelope = v.safeParse(EnvelopeSchema, message);
  if (!envelope.success) return log(`${what}: ${envelope.issues[0]?.message ?? 'malformed'}`), null;
  const { command } = envelope.output;
  const payload = v.safeParse(TAB_COMMANDS[command], envelope.output.payload);
  if (!payload.success) return log(`${what}: ${payload.issues[0]?.message ?? 'malformed payload'}`), null;
  return { command, payload: payload.output } as TabCommand;
}
