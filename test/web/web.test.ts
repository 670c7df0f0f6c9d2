// The web explainer in a real browser (Debian's Chromium, driven by playwright-core).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { startWebExplainer, type RunningWebExplainer } from '../../src/web/server.js';

const CHROMIUM = '/usr/bin/chromium';
let web: RunningWebExplainer;
let browser: Browser;

before(async () => {
  assert.ok(existsSync(CHROMIUM), 'Chromium is installed (.ci/run installs the Debian package)');
  web = await startWebExplainer({ port: 0 });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
after(async () => {
  await browser?.close();
  await web?.close();
});

test('pasting a REST failure shows its status, request id, explanation and end-user sentence', async () => {
  const page = await browser.newPage();
  await page.goto(web.url);
  await page.waitForSelector('[data-example="rest-field-errors.json"]');
  await page.click('[data-example="rest-field-errors.json"]');
  await page.waitForSelector('#summary');
  assert.match(await page.textContent('#summary h2') ?? '', /INVALID_ARGUMENT/);
  assert.equal(await page.textContent('#request-id'), 'Xq3bE1n2Tz9k0aPqL4mW7Q');
  const titles = await page.$$eval('.card .title', (els) => els.map((e) => e.textContent ?? ''));
  assert.equal(titles.length, 2);
  const user = await page.$$eval('.card .user', (els) => els.map((e) => e.textContent ?? ''));
  assert.match(user[0] ?? '', /3/, 'the end-user sentence names operation 3 (index 2)');
  await page.screenshot({ path: '/tmp/ads-errors-web-en.png', fullPage: true });
  await page.close();
});

test('switching the language re-renders the explanation in Korean', async () => {
  const page = await browser.newPage();
  await page.goto(web.url);
  await page.waitForSelector('[data-example="rest-permission-denied.json"]');
  await page.click('[data-example="rest-permission-denied.json"]');
  await page.waitForSelector('.card .title');
  const en = await page.textContent('.card .what');
  await page.selectOption('#lang', 'ko');
  await page.waitForFunction((before) => document.querySelector('.card .what')?.textContent !== before, en);
  const ko = (await page.textContent('.card')) ?? '';
  assert.match(ko, /[\uac00-\ud7a3]/, 'Hangul on the page');
  assert.match(ko, /login-customer-id/);
  await page.screenshot({ path: '/tmp/ads-errors-web-ko.png', fullPage: true });
  await page.close();
});

test('text from the server is shown as text, never run as HTML', async () => {
  const page = await browser.newPage();
  await page.goto(web.url);
  let alerted = false;
  page.on('dialog', async (d) => {
    alerted = true;
    await d.dismiss();
  });
  await page.fill('#input', JSON.stringify({ error: { code: 400, status: 'INVALID_ARGUMENT', message: '<img src=x onerror=alert(1)>' } }));
  await page.click('#explain');
  await page.waitForSelector('#summary');
  assert.equal(alerted, false);
  assert.equal(await page.$('img'), null);
  await page.close();
});

test('the API answers bad requests with a clear error', async () => {
  const res = await fetch(new URL('/api/explain', web.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"nope":1}' });
  assert.equal(res.status, 400);
  assert.match(((await res.json()) as { error: string }).error, /expected \{"input"/);
  const missing = await fetch(new URL('/nowhere', web.url));
  assert.equal(missing.status, 404);
});
