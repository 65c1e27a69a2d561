import { test as base, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export const ROOT = join(import.meta.dirname, '..', '..');
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screenshots');

export interface Host {
  url: string;
  home: string;
  process: ChildProcess;
  /** What the host wrote to stderr so far (printed if it died before the test stopped it). */
  stderr: () => string;
}

/**
 * Starts the real browser host (`shelfcast web`, the built bundle) with its own temp
 * SHELFCAST_HOME, and returns the URL with the per-run token it prints first.
 */
export async function startHost(args: string[] = [], home = mkdtempSync(join(tmpdir(), 'shelfcast-e2e-'))): Promise<Host> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'shelfcast.mjs'), 'web', ...args], {
    env: { ...process.env, SHELFCAST_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser host did not start: ${stderr}`)), 30_000);
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve(line.trim());
    });
    child.once('exit', (code) => reject(new Error(`browser host exited with ${code}: ${stderr}`)));
  });
  return { url, home, process: child, stderr: () => stderr };
}

/** Whether the test now ending failed ("Something went wrong inside Shelfcast" details are in the host's log). */
function testFailed(): boolean {
  try {
    const info = base.info();
    return info.status !== info.expectedStatus;
  } catch {
    return false;
  }
}

export async function stopHost(host: Host): Promise<void> {
  const crashed = host.process.exitCode !== null || host.process.signalCode !== null;
  if (crashed) console.error(`The browser host had exited (${host.process.exitCode ?? host.process.signalCode}) before the test stopped it:\n${host.stderr().slice(-4000)}`);
  else if (testFailed() && host.stderr()) console.error(`The browser host's log during this failed test:\n${host.stderr().slice(-4000)}`);
  if (host.process.exitCode === null) {
    const exited = new Promise((r) => host.process.once('exit', r));
    host.process.kill('SIGTERM');
    await exited;
  }
  rmSync(host.home, { recursive: true, force: true });
}

export async function waitReady(page: Page): Promise<void> {
  await expect(page.locator('html[data-app-state="ready"]')).toHaveCount(1);
}

/** Waits until no command is waiting for an answer (the renderer's <html data-busy>) and paint settled. */
export async function settle(page: Page): Promise<void> {
  await expect(page.locator('html[data-busy="0"]')).toHaveCount(1);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await expect(page.locator('html[data-busy="0"]')).toHaveCount(1);
}

export async function shot(page: Page, name: string): Promise<string> {
  await settle(page);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** A test with a fresh browser host per test. */
/**
 * A command sent to the host as another window, the menu or a script would: through the
 * page's token, without naming a workspace (so the host does not check which one is open).
 */
export async function invokeFromPage(page: Page, name: string, input: object): Promise<unknown> {
  return page.evaluate(
    async ([commandName, commandInput]) => {
      const response = await fetch('./api/invoke', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Shelfcast-Token': sessionStorage.getItem('shelfcast.token') ?? '' },
        body: JSON.stringify({ name: commandName, input: commandInput }),
      });
      const envelope = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
      if (!envelope.ok) throw new Error(envelope.error?.message);
      return envelope.value;
    },
    [name, input] as const,
  );
}

export const test = base.extend<{ host: Host }>({
  host: async ({}, use) => {
    const host = await startHost();
    await use(host);
    await stopHost(host);
  },
});

export { expect };
