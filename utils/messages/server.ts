// The background's side of the protocol: checks each message's envelope, version, sender and payload before any
// handler sees it, and turns every failure into a `{ ok: false }` result, because Error does not cross the boundary.
import * as v from 'valibot';
import { PROTOCOL_VERSION } from './envelope';
import { REQUESTS, type ErrorCode, type Origin, type Payload, type RequestType, type Result, type Results } from './protocol';

/** The parts of runtime.MessageSender the router relies on. */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

export type Handlers = {
  [T in RequestType]: (payload: Payload<T>, sender: Sender) => Promise<Results[T]> | Results[T];
};

export class RequestError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface RouterOptions {
  extensionId: string;
  /** The extension's own origin, e.g. `chrome-extension://<id>/`. */
  extensionOrigin: string;
  log?: (reason: string) => void;
}

function originOf(sender: Sender, options: RouterOptions): Origin | null {
  if (sender.id !== options.extensionId) return null;
  if (sender.url?.startsWith(options.extensionOrigin)) return 'extension';
  if (sender.tab && sender.url && /^https?:/.test(sender.url)) return 'content';
  return null;
}

function isRequest(message: unknown): message is { upr: unknown; type: unknown; payload: unknown } {
  return typeof message === 'object' && message !== null && 'type' in message && 'upr' in message;
}

function fail(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

/**
 * A runtime.onMessage listener. Messages that are not requests (events meant for other pages) get `undefined`,
 * so another listener may answer them.
 */
export function createRouter(handlers: Handlers, options: RouterOptions) {
  const log = options.log ?? ((reason: string) => console.warn(`[UPR Annotator] dropped message: ${reason}`));
  return (message: unknown, sender: Sender): Promise<Result<unknown>> | undefined => {
    if (!isRequest(message)) return undefined;
    if (message.upr !== PROTOCOL_VERSION) {
      log(`protocol version ${String(message.upr)}`);
      return Promise.resolve(
        fail('protocol', 'UPR Annotator was updated since this page was opened. Reload this page to go on annotating.'),
      );
    }
    const type = message.type as RequestType;
    const spec = typeof message.type === 'string' && Object.hasOwn(REQUESTS, message.type) ? REQUESTS[type] : undefined;
    if (!spec) {
      log(`unknown request ${String(message.type)}`);
      return Promise.resolve(fail('invalid', 'Unknown request.'));
    }
    const origin = originOf(sender, options);
    if (origin !== spec.from) {
      log(`${type} from ${origin ?? 'an unknown sender'}`);
      return Promise.resolve(fail('forbidden', 'This part of the extension may not make that request.'));
    }
    const parsed = v.safeParse(spec.payload, message.payload);
    if (!parsed.success) {
      log(`${type}: ${parsed.issues.map((i) => i.message).join('; ')}`);
      return Promise.resolve(fail('invalid', 'The request was malformed.'));
    }
    const handler = handlers[type] as (payload: unknown, sender: Sender) => unknown;
    return (async () => {
      try {
        return { ok: true, value: await handler(parsed.output, sender) } as const;
      } catch (error) {
        if (error instanceof RequestError) return fail(error.code, error.message);
        console.error('[UPR Annotator]', type, error);
        return fail('internal', error instanceof Error ? error.message : String(error));
      }
    })();
  };
}
