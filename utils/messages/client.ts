// The callers' side: a typed request that always resolves to a Result, even when the background is unreachable
// (the extension was reloaded or updated under an open page).
import { envelope } from './envelope';
import type { Payload, RequestType, Result, Results } from './protocol';

export type SendMessage = (message: unknown) => Promise<unknown>;

const CONTEXT_GONE = /context invalidated|receiving end does not exist|could not establish connection/i;

export async function sendRequest<T extends RequestType>(
  send: SendMessage,
  type: T,
  payload: Payload<T>,
): Promise<Result<Results[T]>> {
  try {
    const answer = (await send(envelope(type, payload))) as Result<Results[T]> | undefined;
    if (answer && typeof answer === 'object' && 'ok' in answer) return answer;
    return { ok: false, error: { code: 'internal', message: 'The extension did not answer.' } };
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    if (CONTEXT_GONE.test(text)) {
      return {
        ok: false,
        error: { code: 'protocol', message: 'UPR Annotator was reloaded or updated. Reload this page to go on annotating.' },
      };
    }
    return { ok: false, error: { code: 'internal', message: text } };
  }
}
