// A typed port between two contexts, shaped like Hypothesis's port-rpc: each side declares the calls it accepts (one
// call map per direction, each call's payload and result a valibot schema), calls the other side's by name, and
// drops anything that is not one of its calls in its shape, with a logged reason. A call answers through a reply
// matched by id, checked against the call's result schema at the caller; a notice (`notify`) has no reply.
import * as v from 'valibot';
import { PROTOCOL_VERSION } from './envelope';
import type { Result } from './protocol';

export type CallMap = Record<string, { payload: v.GenericSchema; result: v.GenericSchema }>;
export type CallPayload<M extends CallMap, K extends keyof M> = v.InferOutput<M[K]['payload']>;
export type CallResult<M extends CallMap, K extends keyof M> = v.InferOutput<M[K]['result']>;
export type CallHandlers<M extends CallMap> = { [K in keyof M]: (payload: CallPayload<M, K>) => CallResult<M, K> | Promise<CallResult<M, K>> };

/** What the RPC needs of a runtime.Port. */
export interface RpcPort {
  postMessage(message: unknown): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
  disconnect(): void;
}

export interface PortRpc<Out extends CallMap> {
  call<K extends keyof Out & string>(name: K, payload: CallPayload<Out, K>): Promise<Result<CallResult<Out, K>>>;
  notify<K extends keyof Out & string>(name: K, payload: CallPayload<Out, K>): void;
  /** Resolves when the port closes (either side, or its context goes). */
  readonly closed: Promise<void>;
  close(): void;
}

/** A MessagePort as an RpcPort (a MessageChannel's end has no disconnect event where the browser has no `close` event). */
export function fromMessagePort(port: MessagePort): RpcPort {
  const listeners: ((message: unknown) => void)[] = [];
  port.onmessage = (event) => listeners.forEach((listener) => listener(event.data));
  return {
    postMessage: (message) => port.postMessage(message),
    onMessage: { addListener: (listener) => void listeners.push(listener) },
    onDisconnect: { addListener: (listener) => port.addEventListener('close', listener) },
    disconnect: () => port.close(),
  };
}

const CallSchema = v.object({ upr: v.literal(PROTOCOL_VERSION), call: v.string(), id: v.optional(v.pipe(v.number(), v.integer())), payload: v.unknown() });
const ReplySchema = v.object({ upr: v.literal(PROTOCOL_VERSION), reply: v.pipe(v.number(), v.integer()), ok: v.boolean(), value: v.unknown() });

const gone = (): Result<never> => ({ ok: false, error: { code: 'protocol', message: 'The page is no longer connected to its panel. Reload the page.' } });

/**
 * `sends`: the calls the other side accepts (their results are checked here); `accepts` and `handlers`: the calls
 * this side answers. `log` hears why a message was dropped.
 */
export function createPortRpc<Out extends CallMap, In extends CallMap>(
  port: RpcPort,
  spec: { sends: Out; accepts: In; handlers: CallHandlers<In>; log?: (reason: string) => void },
): PortRpc<Out> {
  const log = spec.log ?? ((reason: string) => console.warn('[UPR Annotator] dropped a port message:', reason));
  const pending = new Map<number, { name: string; settle: (result: Result<unknown>) => void }>();
  let nextId = 1;
  let open = true;
  let onClosed = () => {};
  const closed = new Promise<void>((resolve) => (onClosed = resolve));
  const post = (message: unknown) => {
    try {
      port.postMessage(message);
      return true;
    } catch {
      return false;
    }
  };
  const shut = () => {
    if (!open) return;
    open = false;
    for (const { settle } of pending.values()) settle(gone());
    pending.clear();
    onClosed();
  };

  const answer = async (name: keyof In & string, id: number | undefined, raw: unknown) => {
    const payload = v.safeParse(spec.accepts[name]!.payload, raw);
    if (!payload.success) return log(`${name}: ${payload.issues[0]?.message ?? 'malformed payload'}`);
    try {
      const value = await spec.handlers[name](payload.output as CallPayload<In, typeof name>);
      if (id !== undefined && open) post({ upr: PROTOCOL_VERSION, reply: id, ok: true, value: value ?? null });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (id !== undefined && open) post({ upr: PROTOCOL_VERSION, reply: id, ok: false, value: message });
    }
  };

  port.onMessage.addListener((message) => {
    const reply = v.safeParse(ReplySchema, message);
    if (reply.success) {
      const { reply: id, ok, value } = reply.output;
      const waiting = pending.get(id);
      if (!waiting) return log(`a reply to no call (${id})`);
      pending.delete(id);
      if (!ok) return waiting.settle({ ok: false, error: { code: 'invalid', message: String(value).slice(0, 300) } });
      const result = v.safeParse(spec.sends[waiting.name]!.result, value);
      if (!result.success) {
        log(`${waiting.name}: a reply of another shape`);
        return waiting.settle({ ok: false, error: { code: 'protocol', message: `${waiting.name}: the page answered in another shape.` } });
      }
      return waiting.settle({ ok: true, value: result.output });
    }
    const call = v.safeParse(CallSchema, message);
    if (!call.success) return log('neither a call nor a reply of this protocol version');
    const { call: name, id, payload } = call.output;
    if (!Object.hasOwn(spec.accepts, name)) return log(`an unknown call "${name.slice(0, 40)}"`);
    void answer(name, id, payload);
  });
  port.onDisconnect.addListener(shut);

  return {
    call(name, payload) {
      if (!open) return Promise.resolve(gone());
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, { name, settle: resolve as (result: Result<unknown>) => void });
        if (!post({ upr: PROTOCOL_VERSION, call: name, id, payload })) {
          pending.delete(id);
          shut();
          resolve(gone());
        }
      });
    },
    notify(name, payload) {
      if (open && !post({ upr: PROTOCOL_VERSION, call: name, payload })) shut();
    },
    closed,
    close() {
      shut();
      try {
        port.disconnect();
      } catch {
        // already gone
      }
    },
  };
}
