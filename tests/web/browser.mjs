// browser.mjs — the web application in a real browser: headless Chromium
// driven by playwright-core. Signs in, filters the action list, posts an
// update, signs it off, sees the dashboard change; visits the governance
// pages and their error states (also at 375 pixels) and prints a report's
// print view to an A4 PDF read back with pdftotext; saves screenshots to
// build/test-artifacts/ and runs axe-core on every page (no serious or
// critical violation allowed). usage: node tests/web/browser.mjs SIGHTLINE
// Ends with "N passed, N failed".
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
let passed = 0, failed = 0;

function check(name, cond, info = '') {
  if (cond) passed++;
  else { failed++; console.log(`FAIL ${name}: ${info}`.slice(0, 400)); }
}

function sl(db, args, input) {
  return spawnSync(SL, ['--db', db, ...args], { input, encoding: 'utf8' });
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

// Issue 13: the programme team edits an action, a wrong date comes back with
// what was typed and the error beside it (also at 375 pixels), and the saved
// change shows in the action's audit trail with its value before and after.
async function editAndHistory(browser, base) {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${base}/sign-in`);
  await page.fill('#login', 'prog');
  await page.fill('#password', 'correct-horse-42');
  await page.click('button[type=submit]');
  await page.waitForLoadState();
  await page.goto(`${base}/plans/1/actions`);
  await page.click('a.govuk-link:text-is("1.2")');
  await page.waitForLoadState();
  await page.click('text=Edit this action');
  await page.waitForLoadState();
  check('edit-page', (await page.inputValue('#due')) === '31 Jan 18', await page.inputValue('#due'));
  await axeCheck(page, 'edit-action');
  await shot(page, '20-edit-action');
  await page.fill('#due', '31/09/18');
  await page.fill('#sro', 'JN');
  await page.click('text=Save changes');
  await page.waitForLoadState();
  const err = await page.textContent('#due-error');
  check('edit-error-beside-field', (err || '').includes('Enter a real date') && (await page.inputValue('#due')) === '31/09/18'
    && (await page.inputValue('#sro')) === 'JN', err);
  await axeCheck(page, 'edit-action-error');
  await page.setViewportSize({ width: 375, height: 800 });
  await axeCheck(page, 'edit-action-error-375');
  await shot(page, '21-edit-action-error-375');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.fill('#due', '31/03/18 30/06/18');
  await page.click('text=Save changes');
  await page.waitForLoadState();
  const trail = await page.textContent('body');
  check('edit-in-history', trail.includes('Edit due') && trail.includes('31 Jan 18 → 31/03/18 30/06/18')
    && trail.includes('Edit sro') && trail.includes('BP → JN'), page.url());
  await axeCheck(page, 'action-after-edit');
  await shot(page, '22-action-history');
  await context.close();
}

// Issue 13 item 6: the header's date control shows the dashboard as it stood
// yesterday (before today's sign-off: one blue fewer), with the banner, links
// that keep the day and the write forms switched off; axe at both widths.
async function asOf(page, base, blueBefore, blueAfter) {
  const yesterday = new Date(Date.now() - 86400000).toISOString().slice(0, 10);
  await page.goto(`${base}/plans/1`);
  await page.fill('#as-of', yesterday);
  await page.click('form.sl-as-of button');
  await page.waitForLoadState();
  check('as-of-url', page.url().includes(`as_of=${yesterday}`), page.url());
  check('as-of-older-rag', await blueCount(page) === blueBefore, `${await blueCount(page)} vs ${blueBefore}`);
  check('as-of-banner', (await page.textContent('body')).includes('You are viewing the plan as it stood on'));
  await bothWidths(page, 'as-of-dashboard');
  await page.click('a.govuk-link:text-is("2.2")');
  await page.waitForLoadState();
  check('as-of-kept-on-link', page.url().includes(`as_of=${yesterday}`), page.url());
  check('as-of-forms-off', await page.locator('fieldset.sl-past-form[disabled]').count() > 0);
  await bothWidths(page, 'as-of-action');
  await page.goto(`${base}/plans/1?as_of=2017-02-30`);
  check('as-of-refused', (await page.textContent('body')).includes('Enter a real date'));
  await bothWidths(page, 'as-of-refused');
  await page.goto(`${base}/plans/1?as_of=${yesterday}`);
  await page.click('text=Show the plan as it stands today');
  await page.waitForLoadState();
  check('as-of-back-to-today', await blueCount(page) === blueAfter);
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

async function blueCount(page) {
  const desc = await page.locator('#rag-chart-desc').textContent();
  const m = /Blue (\d+)/.exec(desc || '');
  return m ? Number(m[1]) : -1;
}

function governanceSetup(db) {
  for (const args of [
    ['user', 'add', 'prog', '--role', 'programme', '--password-stdin'],
    ['board', 'add', 'Improvement Board', '--kind', 'improvement', '--meets', '6 weeks', '--papers-days', '7', '--chair', 'Jane Chair'],
    ['board', 'member', 'add', 'Improvement Board', '--role', 'Director of Children\'s Services', '--name', 'Dee Cee', '--substitute', 'Sam Sub'],
    ['meeting', 'add', '--board', 'Improvement Board', '--date', '2026-11-20', '--time', '10:00', '--venue', 'Town Hall'],
    ['arising', 'add', '--board', 'Improvement Board', '--date', '2026-11-20', '--text', 'Report on caseloads', '--owner', 'BP', '--due', '2026-12-15'],
    ['risk', 'add', '--title', 'Agency staff costs', '--likelihood', '4', '--impact', '3', '--owner', 'BP'],
  ]) {
    const r = sl(db, args, 'correct-horse-42\n');
    check(`setup ${args.slice(0, 2).join(' ')}`, r.status === 0, r.stderr);
  }
}

// Runs axe and takes a screenshot at the desktop width and at 375 pixels.
async function bothWidths(page, name) {
  await axeCheck(page, name);
  await shot(page, `10-${name}`);
  await page.setViewportSize({ width: 375, height: 800 });
  await axeCheck(page, `${name} at 375px`);
  await shot(page, `10-${name}-375`);
  await page.setViewportSize({ width: 1280, height: 800 });
}

// Returns the text of a PDF (pdftotext) and its page count (pdfinfo).
function readPdf(file) {
  const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout || '';
  const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout || '';
  const m = /Pages:\s+(\d+)/.exec(info);
  return { text, pages: m ? Number(m[1]) : 0 };
}

// The governance pages as the programme team sees them, their error states, and the print view as a PDF.
async function governance(browser, base, db) {
  sl(db, ['import', path.join(ROOT, 'examples', 'documents', 'croydon-continuous-improvement-plan-2021-24.txt'), '--authority', 'Croydon']);
  check('savings-set', sl(db, ['savings', 'set', '4', '--year', '2021/22', '--forecast', '280', '--plan', '2']).status === 0);
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${base}/sign-in`);
  await page.fill('#login', 'prog');
  await page.fill('#password', 'correct-horse-42');
  await page.click('button[type=submit]');
  await page.waitForLoadState();
  for (const [name, url] of [['boards', '/boards'], ['board', '/boards/1'], ['meeting', '/meetings/1'],
    ['calendar', '/calendar'], ['risks', '/risks'], ['savings', '/savings'], ['plan-savings', '/plans/2/savings'],
    ['reports', '/reports']]) {
    const resp = await page.goto(base + url);
    check(`page ${name}`, resp.status() === 200, resp.status());
    await bothWidths(page, name);
  }
  await page.goto(`${base}/risks`);
  await page.fill('#title', 'Court delays');
  await page.fill('#owner', 'JN');
  await page.fill('#likelihood', '7');
  await page.fill('#impact', '3');
  await page.click('button:text-is("Add risk")');
  await page.waitForLoadState();
  check('risk-likelihood-7', (await page.textContent('#likelihood-error') || '').includes('1 to 5')
    && await page.inputValue('#likelihood') === '7');
  await bothWidths(page, 'risk-error');
  await page.goto(`${base}/meetings/1`);
  await page.fill('#text', 'Bad date');
  await page.fill('#owner', 'BP');
  await page.fill('#due', '2017-02-30');
  await page.click('button:text-is("Add action arising")');
  await page.waitForLoadState();
  check('arising-bad-date', (await page.textContent('#due-error') || '').includes('real date'));
  await bothWidths(page, 'meeting-error');
  await page.goto(`${base}/reports/output?kind=highlight&as_of=2017-02-30&format=print`);
  await bothWidths(page, 'reports-error');
  await page.goto(`${base}/calendar`);
  await page.click('button:text-is("Create a subscription link")');
  await page.waitForLoadState();
  await bothWidths(page, 'calendar-token');
  const print = await page.goto(`${base}/reports/output?kind=highlight&plan=1&as_of=2026-12-01&format=print`);
  check('print-view', print.status() === 200, print.status());
  await axeCheck(page, 'print-view');
  const cookies = await context.cookies();
  await context.close();
  await printView(browser, base, cookies);
}

// Opens the print view under its own CSP (its A4 stylesheet allowed by hash),
// prints it to an A4 PDF with Chromium and reads it back.
async function printView(browser, base, cookies) {
  const context = await browser.newContext();
  await context.addCookies(cookies);
  const page = await context.newPage();
  const blocked = [];
  page.on('console', (m) => { if (/Content Security Policy/.test(m.text())) blocked.push(m.text()); });
  const resp = await page.goto(`${base}/reports/output?kind=highlight&plan=1&board=Improvement+Board&as_of=2026-12-01&format=print`);
  check('print-view-csp', resp.status() === 200 && blocked.length === 0, blocked.join('; '));
  const file = path.join(ARTIFACTS, 'print-view.pdf');
  await page.pdf({ path: file, format: 'A4', printBackground: true });
  const { text, pages } = readPdf(file);
  check('pdf-pages', pages >= 1, pages);
  check('pdf-title', text.includes('Highlight report'), text.slice(0, 200));
  const navWords = ['My actions', 'Measures', 'Inspections', 'Audit log', 'Sign out'];
  check('pdf-no-navigation', navWords.every((w) => !text.includes(w)), navWords.filter((w) => text.includes(w)).join(','));
  await context.close();
}

async function main() {
  mkdirSync(ARTIFACTS, { recursive: true });
  const work = mkdtempSync(path.join(tmpdir(), 'sightline-browser.'));
  const db = path.join(work, 'b.db');
  sl(db, ['init']);
  sl(db, ['import', path.join(ROOT, 'examples', 'croydon-transitional-2017.csv'), '--authority', 'Croydon']);
  sl(db, ['plan', 'settings', '1', '--requires-signoff', 'yes']);
  sl(db, ['import', path.join(ROOT, 'tests', 'data', 'samples', 'inspections', '80471_halton_12-july-2024.txt')]);
  sl(db, ['measure', 'add', 'ASMT_45WD', '--baseline', '75@2026-01-31', '--target', '90@2026-12-31', '--tolerance', '3']);
  const values = path.join(work, 'values.csv');
  writeFileSync(values, 'code,period,value,series\nASMT_45WD,2026-07,80,actual\nASMT_45WD,2026-08,83,actual\nASMT_45WD,2026-09,84,actual\nASMT_45WD,2026-10,86,actual\n');
  sl(db, ['measures', 'load', values]);
  check('user', sl(db, ['user', 'add', 'bp', '--role', 'lead', '--person', 'BP', '--password-stdin'], 'correct-horse-42\n').status === 0);
  governanceSetup(db);
  const port = await freePort();
  const server = spawn(SL, ['--db', db, 'serve', '--listen', `127.0.0.1:${port}`, '--static', path.join(ROOT, 'build', 'static')],
    { stdio: ['ignore', 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  let browser;
  try {
    check('server-listens', await waitForServer(port));
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    // bypassCSP lets axe-core's script be injected; the pages themselves run no script.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();

    await page.goto(`${base}/`);
    check('redirected-to-sign-in', page.url().includes('/sign-in'), page.url());
    await axeCheck(page, 'sign-in');
    await shot(page, '01-sign-in');
    await page.fill('#login', 'bp');
    await page.fill('#password', 'correct-horse-42');
    await page.click('button[type=submit]');
    await page.waitForLoadState();
    check('signed-in', (await page.textContent('body')).includes('Improvement plans'));
    await axeCheck(page, 'home');
    await shot(page, '02-home');

    await page.click('table >> text=Croydon transitional action plan 2017');
    await page.waitForLoadState();
    const blueBefore = await blueCount(page);
    check('dashboard-chart', blueBefore >= 0);
    await axeCheck(page, 'dashboard');
    await shot(page, '03-dashboard');

    await page.goto(`${base}/plans/1/actions`);
    await page.selectOption('#f-rag', 'red');
    await page.fill('#f-lead', 'BP');
    await page.click('text=Filter');
    await page.waitForLoadState();
    const refs = await page.locator('table a.govuk-link').allTextContents();
    check('filtered-list', refs.includes('2.2') && !refs.includes('1.4'), refs.join(','));
    await axeCheck(page, 'action-list');
    await shot(page, '04-actions-filtered');

    await page.click('a.govuk-link:text-is("2.2")');
    await page.waitForLoadState();
    await axeCheck(page, 'action');
    await page.selectOption('#status', 'complete');
    await page.fill('#note', 'Unit manager and three social workers in post; caseloads now 18.');
    await page.click('text=Save update');
    await page.waitForLoadState();
    const body = await page.textContent('body');
    check('update-posted', body.includes('caseloads now 18') && body.includes('awaiting sign-off'));
    await shot(page, '05-awaiting-sign-off');
    await page.click('button:text-is("Sign off")');
    await page.waitForLoadState();
    check('signed-off', (await page.textContent('body')).includes('Signed off'));
    await shot(page, '06-signed-off');

    await page.goto(`${base}/plans/1`);
    const blueAfter = await blueCount(page);
    check('dashboard-changed', blueAfter === blueBefore + 1, `${blueBefore} -> ${blueAfter}`);
    await shot(page, '07-dashboard-after');
    await asOf(page, base, blueBefore, blueAfter);

    for (const [name, url] of [['recommendations', '/plans/1/recommendations'], ['my-actions', '/my-actions'],
      ['people', '/people'], ['audit', '/audit'], ['measures', '/measures'], ['measure', '/measure?code=ASMT_45WD'],
      ['inspections', '/inspections'], ['national', '/national'], ['summary', '/summary'],
      ['summary-sorted', '/summary?sort=overdue&region=London']]) {
      await page.goto(base + url);
      await axeCheck(page, name);
      await shot(page, `08-${name}`);
    }
    await editAndHistory(browser, base);
    await governance(browser, base, db);
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
