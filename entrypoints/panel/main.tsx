import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Panel } from '@/components/Panel';
import { createPanelClient } from '@/components/panel-client';
import '@/components/panel.css';

render(<Panel client={createPanelClient(browser.runtime)} />, document.getElementById('app')!);
