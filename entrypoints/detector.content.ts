import { defineContentScript } from 'wxt/utils/define-content-script';
import { detectUprPage } from '@/utils/detect';
import { envelope } from '@/utils/messages/envelope';

interface RuntimeHost {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

// Runs on every page, so it stays tiny: it reads a little, and on anything but a UPR statement it writes nothing,
// mounts nothing and sends nothing. On a statement it asks the background to inject the annotator.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main() {
    if (!detectUprPage(document, location.href).detected) return;
    // The raw extension API, not the polyfill: its bytes would ship to every page on the web.
    const g = globalThis as unknown as { browser?: RuntimeHost; chrome?: RuntimeHost };
    void (g.browser ?? g.chrome)?.runtime.sendMessage(envelope('page.annotate', {})).catch(() => {});
  },
});
