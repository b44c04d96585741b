// scripts/system-packages.sh on a machine that lacks things: it names the one command to run, on one line, and
// stops before anything else runs. The machine is faked with a PATH of stubs (`id`, `fc-list`), so nothing is installed.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SCRIPT = resolve(import.meta.dirname, 'system-packages.sh');

function fakeMachine(options: { uid: number; fonts: boolean; commands?: string[] }): string {
  const bin = mkdtempSync(join(tmpdir(), 'upr-syspkg-'));
  const stub = (name: string, body: string) => {
    writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  stub('id', `echo ${options.uid}`);
  stub('fc-list', options.fonts ? 'echo "/usr/share/fonts/LiberationSans-Regular.ttf: Liberation Sans"' : 'true');
  for (const name of options.commands ?? []) stub(name, 'true');
  symlinkSync('/bin/grep', join(bin, 'grep')); // the one real tool the script uses
  return bin;
}

function run(mode: string, bin: string) {
  // CHROMIUM_PATH names an executable that exists, so the stubs decide everything else.
  const result = spawnSync('/bin/bash', [SCRIPT, mode], { env: { PATH: bin, CHROMIUM_PATH: '/bin/sh' }, encoding: 'utf8' });
  return { status: result.status, out: `${result.stdout}${result.stderr}`.trim() };
}

describe('scripts/system-packages.sh', () => {
  it('names the one command to run when it may not install (not root)', () => {
    const { status, out } = run('test', fakeMachine({ uid: 1000, fonts: false }));
    expect(status).toBe(1);
    expect(out).toBe('Missing system packages; run: sudo apt-get install -y --no-install-recommends fonts-liberation firefox-esr libreoffice-calc');
  });

  it('names it too as root on a machine without apt-get', () => {
    const { status, out } = run('start', fakeMachine({ uid: 0, fonts: false }));
    expect(status).toBe(1);
    expect(out).toBe('Missing system packages; run: sudo apt-get install -y --no-install-recommends fonts-liberation');
  });

  it('asks only for what the demo needs with "start", and is silent when everything is there', () => {
    expect(run('start', fakeMachine({ uid: 1000, fonts: true }))).toEqual({ status: 0, out: '' });
    expect(run('test', fakeMachine({ uid: 1000, fonts: true, commands: ['firefox-esr', 'soffice'] }))).toEqual({ status: 0, out: '' });
  });

  it('refuses a browser path that is not a program, and an unknown mode', () => {
    const bin = fakeMachine({ uid: 1000, fonts: true });
    const bad = spawnSync('/bin/bash', [SCRIPT, 'start'], { env: { PATH: bin, CHROMIUM_PATH: '/nonexistent/chromium' }, encoding: 'utf8' });
    expect([bad.status, bad.stderr.trim()]).toEqual([1, 'CHROMIUM_PATH=/nonexistent/chromium is not an executable file.']);
    expect(run('deploy', bin).status).toBe(2);
  });
});
