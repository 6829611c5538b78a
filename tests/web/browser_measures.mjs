// browser_measures.mjs — measures in a real browser (issue 13, item 8):
// headless Chromium driven by playwright-core. A lead enters a month's
// figure from the measure page, a bad figure comes back with the message
// beside the field and what was typed kept (also at 375 pixels), a
// correction shows the old value in the history; the scorecard fits a
// 1024×768 screen with no horizontal scrolling and shows the comparators
// and which way is good. axe-core runs on every state (no serious or
// critical violation allowed); screenshots go to build/test-artifacts/.
// usage: node tests/web/browser_measures.mjs SIGHTLINE. Ends with "N passed, N failed".
import { chromium } from 'playwright-core';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SL = path.resolve(process.argv[2] || 'build/sightline');
const ARTIFACTS = path.join(ROOT, 'build', 'test-artifacts');
const AXE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
// The server's and the command line's today: figures up to June 2024 have begun.
const ENV = { ...process.env, SIGHTLINE_NOW: '2024-06-15T10:00:00Z' };
let passed = 0, failed = 0;

function check(name, cond, info = '') {
  if (cond) passed++;
  else { failed++; console.log(`FAIL ${name}: ${info}`.slice(0, 400)); }
}

function sl(db, args, input) {
  return spawnSync(SL, ['--db', db, ...args], { input, encoding: 'utf8', env: ENV });
}

function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
}

async function waitForServer(port) {
  for (let i = 0; i < 200; i++) {
    try { const r = await fetch(`http://127.0.0.1:${port}/sign-in`); if (r.ok) return true; } catch { }
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

async function axeCheck(page, name) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  check(`axe ${name}`, bad.length === 0, bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`).join('; '));
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

// axe and a screenshot at the desktop width and at 375 pixels.
async function bothWidths(page, name) {
  await axeCheck(page, name);
  await shot(page, `30-${name}`);
  await page.setViewportSize({ width: 375, height: 800 });
  await axeCheck(page, `${name} at 375px`);
  await shot(page, `30-${name}-375`);
  await page.setViewportSize({ width: 1280, height: 800 });
}

// Six measures (more than a scorecard row holds), figures and comparators.
function setup(db, work) {
  const rows = ['code,period,value,series'];
  const defs = [
    ['ASMT_45WD', []],
    ['REREF_12M', []],
    ['CIN_RATE', []],
    ['CASELOAD', ['--name', 'Average caseload per social worker in the assessment and family support teams', '--unit', 'count', '--polarity', 'lower']],
    ['AGENCY_PCT', ['--name', 'Agency social workers as a share of all social workers in post', '--unit', 'percent', '--polarity', 'lower']],
    ['VISITS', ['--name', 'Children in care visited within statutory timescales', '--unit', 'percent', '--polarity', 'higher']],
  ];
  for (const [code, extra] of defs) {
    const r = sl(db, ['measure', 'add', code, ...extra, '--baseline', '40@2023-10-01', '--target', '60@2025-03-31']);
    check(`measure-add ${code}`, r.status === 0, r.stderr);
    for (const [month, v] of [['2024-02', 41], ['2024-03', 43], ['2024-04', 44]]) rows.push(`${code},${month},${v},actual`);
    rows.push(`${code},2023/24,45,england`, `${code},2023/24,47,statistical-neighbours`);
  }
  const values = path.join(work, 'values.csv');
  writeFileSync(values, rows.join('\n') + '\n');
  check('values-load', sl(db, ['measures', 'load', values]).status === 0);
  const r = sl(db, ['user', 'add', 'bp', '--role', 'lead', '--person', 'BP', '--password-stdin'], 'correct-horse-42\n');
  check('user', r.status === 0, r.stderr);
}

async function signIn(page, base) {
  await page.goto(`${base}/sign-in`);
  await page.fill('#login', 'bp');
  await page.fill('#password', 'correct-horse-42');
  await page.click('button[type=submit]');
  await page.waitForLoadState();
}

// The measure page: form, refused figure kept beside its field, entry, correction and history.
async function enterAndCorrect(page, base, db) {
  await page.goto(`${base}/measure?code=ASMT_45WD`);
  check('measure-form', await page.locator('form[action="/measure/figures"]').count() === 1);
  await bothWidths(page, 'measure-form');
  await page.fill('#period', 'May 2024');
  await page.fill('#value', '61,5');
  await page.fill('#source', 'Liquidlogic extract');
  await page.fill('#note', 'Two teams late');
  await page.click('button:text-is("Enter figure")');
  await page.waitForLoadState();
  const err = await page.textContent('#value-error').catch(() => '');
  check('bad-figure-beside-field', (err || '').includes('Enter a number') && await page.inputValue('#value') === '61,5'
    && await page.inputValue('#period') === 'May 2024' && await page.inputValue('#source') === 'Liquidlogic extract'
    && await page.inputValue('#note') === 'Two teams late', err);
  await bothWidths(page, 'measure-error');
  await page.fill('#value', '61.5%');
  await page.click('button:text-is("Enter figure")');
  await page.waitForLoadState();
  const body = await page.textContent('body');
  check('figure-entered', body.includes('The figure for May 2024 was entered') && body.includes('61.5%'), page.url());
  await bothWidths(page, 'measure-after-entry');
  await page.click('a:has-text("Correct the figure for May 2024")');
  await page.waitForLoadState();
  check('correct-form-filled', await page.inputValue('#value') === '61.5', await page.inputValue('#value'));
  await bothWidths(page, 'measure-correct');
  await page.fill('#value', '63');
  await page.fill('#reason', 'Extract rerun after late recording');
  await page.click('button:text-is("Save correction")');
  await page.waitForLoadState();
  const history = await page.textContent('#history ~ div');
  check('history-keeps-old-value', history.includes('corrected') && history.includes('61.5%') && history.includes('63%')
    && history.includes('Extract rerun after late recording') && history.includes('bp'), history.slice(0, 300));
  const shown = JSON.parse(sl(db, ['measure', 'show', 'ASMT_45WD', '--json', '--as-of', '2024-06-15']).stdout);
  check('stored-after-correction', shown.latest && shown.latest.value === 63, JSON.stringify(shown.latest));
  await axeCheck(page, 'measure-after-correction');
  await shot(page, '30-measure-after-correction');
}

// The scorecard at 1024×768: no horizontal scrolling, comparators and direction of good shown.
async function scorecard(browser, base, cookies) {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1024, height: 768 } });
  await context.addCookies(cookies);
  const page = await context.newPage();
  const resp = await page.goto(`${base}/measures`);
  check('scorecard-page', resp.status() === 200, resp.status());
  const width = await page.evaluate(() => document.scrollingElement.scrollWidth);
  check('scorecard-fits-1024', width <= 1024, width);
  const heads = await page.locator('table.sl-measures th').allTextContents();
  check('scorecard-comparator-columns', ['Good is', 'England', 'Statistical neighbours'].every((h) => heads.includes(h)), heads.join('|'));
  const row = await page.locator('table.sl-measures tr:has-text("CASELOAD")').textContent();
  check('scorecard-caseload-row', row.includes('Lower') && row.includes('45') && row.includes('47') && row.includes('ours better'), row);
  await axeCheck(page, 'scorecard-1024');
  await shot(page, '31-scorecard-1024');
  // On a phone the table scrolls within its own box, not the page.
  await page.setViewportSize({ width: 375, height: 800 });
  const narrow = await page.evaluate(() => document.scrollingElement.scrollWidth);
  check('scorecard-375-page-does-not-scroll', narrow <= 375, narrow);
  await axeCheck(page, 'scorecard-375');
  await shot(page, '31-scorecard-375');
  await context.close();
}

async function main() {
  mkdirSync(ARTIFACTS, { recursive: true });
  const work = mkdtempSync(path.join(tmpdir(), 'sightline-browser-measures.'));
  const db = path.join(work, 'b.db');
  sl(db, ['init']);
  setup(db, work);
  const port = await freePort();
  const server = spawn(SL, ['--db', db, 'serve', '--listen', `127.0.0.1:${port}`, '--static', path.join(ROOT, 'build', 'static')],
    { stdio: ['ignore', 'ignore', 'inherit'], env: ENV });
  const base = `http://127.0.0.1:${port}`;
  let browser;
  try {
    check('server-listens', await waitForServer(port));
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signIn(page, base);
    await enterAndCorrect(page, base, db);
    await scorecard(browser, base, await context.cookies());
    await context.close();
  } catch (e) {
    check('browser-run', false, String(e && e.stack || e));
  } finally {
    if (browser) await browser.close();
    server.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main();
