// The protocol's outer shape, with no dependencies: the always-on detector script imports this file alone, so it
// must stay tiny. Everything else about messages lives in protocol.ts.

/** Bumped whenever a request or its result changes shape; a script left over from an older build is told to reload. */
export const PROTOCOL_VERSION = 1;

/** A request to the background: `{ upr, type, payload }`. */
export interface RequestEnvelope<T extends string = string, P = unknown> {
  upr: number;
  type: T;
  payload: P;
}

/** A one-way notice (no answer expected): from the page to its panel, or from the background to everyone. */
export interface EventEnvelope<E extends string = string, P = unknown> {
  upr: number;
  event: E;
  payload: P;
}

export function envelope<T extends string, P>(type: T, payload: P): RequestEnvelope<T, P> {
  return { upr: PROTOCOL_VERSION, type, payload };
}

export function eventEnvelope<E extends string, P>(event: E, payload: P): EventEnvelope<E, P> {
  return { upr: PROTOCOL_VERSION, event, payload };
}

/** A command from the background to the annotator in a tab. */
export interface CommandEnvelope<C extends string = string, P = unknown> {
  upr: number;
  command: C;
  payload: P;
}

export function commandEnvelope<C extends string, P>(command: C, payload: P): CommandEnvelope<C, P> {
  return { upr: PROTOCOL_VERSION, command, payload };
}
