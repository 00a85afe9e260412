// Opens gangyao's pages in the system chromium (headless, through puppeteer-core) and checks
// what a reader does with them: the page loads without console errors, its parts are there,
// the table of figures sorts by a column and filters by kind, indicator and year, the outline
// and the figure links lead to their place, noise lines show on request; a screenshot of each
// page goes next to it (NAME.png).
//
//   node tests/html/browser.mjs CHROMIUM DIR     (DIR holds the pages and pages.json)
//
// Ends with "browser: N passed, N failed".
import fs from 'node:fs';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

const [chromium, dir] = process.argv.slice(2);
const pages = JSON.parse(fs.readFileSync(path.join(dir, 'pages.json'), 'utf8'));
let passed = 0, failed = 0;

function check(name, ok, detail) {
  if (ok) passed++;
  else {
    failed++;
    console.error(`FAIL ${name}${detail === undefined ? '' : ': ' + detail}`);
  }
}

async function speech(page, p) {
  const n = await page.evaluate(() => ({
    sections: document.querySelectorAll('nav.outline a').length,
    figures: document.querySelectorAll('main .q').length,
    rows: document.querySelectorAll('#figure-table tbody tr').length,
    markers: document.querySelectorAll('main .marker').length,
    noise: document.querySelectorAll('p.line.noise').length,
    lines: document.querySelectorAll('main p.line').length,
  }));
  check(`${p.name}: outline`, n.sections === p.sections, `${n.sections} links, want ${p.sections}`);
  check(`${p.name}: figures marked`, n.figures === p.figures && n.rows === p.figures,
        `${n.figures} marked, ${n.rows} rows, want ${p.figures}`);
  check(`${p.name}: task markers`, n.markers === p.tasks, `${n.markers}, want ${p.tasks}`);
  check(`${p.name}: every line`, n.lines === p.lines, `${n.lines}, want ${p.lines}`);
  if (n.noise) {
    const hidden = await page.$eval('p.line.noise', (e) => getComputedStyle(e).display === 'none');
    await page.click('#show-noise');
    const shown = await page.$eval('p.line.noise', (e) => getComputedStyle(e).display !== 'none');
    check(`${p.name}: noise folded, shown on request`, hidden && shown);
    await page.click('#show-noise');
  }
  if (p.figures < 2) return;
  // sort by value, both ways
  const sortedBy = async (col) => page.$$eval('#figure-table tbody tr',
    (rows, c) => rows.map((r) => parseFloat(r.cells[c].getAttribute('data-v'))), col);
  const col = await page.$$eval('#figure-table thead th', (ths) => ths.findIndex((t) => t.textContent === 'value'));
  await page.click(`#figure-table thead th:nth-child(${col + 1})`);
  const up = await sortedBy(col);
  check(`${p.name}: sorts by value`, up.every((v, i) => i === 0 || up[i - 1] <= v), up.slice(0, 5).join(' '));
  await page.click(`#figure-table thead th:nth-child(${col + 1})`);
  const down = await sortedBy(col);
  check(`${p.name}: sorts by value, descending`, down.every((v, i) => i === 0 || down[i - 1] >= v));
  // filters
  const filters = p.kinds.map((k) => ['kind', k]).concat([['indicator', p.indicator], ['year', p.year]]);
  for (const [what, value] of filters) {
    if (!value) continue;
    await page.select(`select[data-filter="${what}"]`, String(value));
    const seen = await page.$$eval('#figure-table tbody tr', (rows, w) =>
      rows.filter((r) => !r.hidden).map((r) => r.getAttribute('data-' + w)), what);
    const all = await page.$$eval('#figure-table tbody tr', (rows) => rows.length);
    check(`${p.name}: filter ${what} = ${value}`, seen.length > 0 && seen.length <= all &&
          seen.every((v) => v === String(value)), `${seen.length} rows shown`);
    await page.select(`select[data-filter="${what}"]`, '');
  }
  const shownAgain = await page.$$eval('#figure-table tbody tr', (rows) => rows.filter((r) => !r.hidden).length);
  check(`${p.name}: no filter shows every row`, shownAgain === p.figures);
  // a row's link and an outline link lead to their place
  const target = await page.$eval('#figure-table tbody tr a', (a) => a.getAttribute('href'));
  check(`${p.name}: a row links to its figure`, await page.$(target) !== null, target);
  if (p.sections) {
    const s = await page.$eval('nav.outline a', (a) => a.getAttribute('href'));
    check(`${p.name}: the outline links to its sections`, await page.$(s) !== null, s);
  }
}

async function panel(page, p) {
  const n = await page.evaluate(() => ({
    rows: document.querySelectorAll('#panel-table tbody tr').length,
    goals: document.querySelectorAll('#panel-table .q.goal').length,
    judged: document.querySelectorAll('#panel-table .met, #panel-table .missed').length,
    noGoal: document.querySelectorAll('#panel-table td.no-goal').length,
    charts: document.querySelectorAll('.chart svg').length,
    marks: document.querySelectorAll('.chart svg .met, .chart svg .missed').length,
    sticky: getComputedStyle(document.querySelector('#panel-table tbody th[scope=row]')).position,
  }));
  check(`${p.name}: a row per region and year`, n.rows === p.rows, `${n.rows}, want ${p.rows}`);
  check(`${p.name}: every goal in the table`, n.goals === p.goals, `${n.goals}, want ${p.goals}`);
  check(`${p.name}: met and missed marked`, n.judged === p.judged, `${n.judged}, want ${p.judged}`);
  check(`${p.name}: "no goal set" apart from an empty cell`, n.noGoal === p.no_goal, `${n.noGoal}, want ${p.no_goal}`);
  check(`${p.name}: charts with outcomes by shape`, n.charts >= 2 && (p.judged === 0 || n.marks > 0),
        `${n.charts} charts, ${n.marks} marks`);
  check(`${p.name}: the region column stays in place`, n.sticky === 'sticky', n.sticky);
  const col = await page.$$eval('#panel-table thead th', (ths) => ths.findIndex((t) => t.title === 'gdp_growth'));
  check(`${p.name}: a growth column named in Chinese`, col > 0);
  if (col > 0) {
    await page.click(`#panel-table thead th:nth-child(${col + 1})`);
    const v = await page.$$eval('#panel-table tbody tr', (rows, c) =>
      rows.map((r) => r.cells[c].getAttribute('data-v')).filter((x) => x !== null && x !== '').map(parseFloat), col);
    check(`${p.name}: sorts by growth`, v.length >= 2 && v.every((x, i) => i === 0 || v[i - 1] <= x), v.join(' '));
  }
}

async function terms(page, p) {
  const n = await page.evaluate(() => ({
    rows: document.querySelectorAll('#terms-table tbody tr').length,
    docs: document.querySelectorAll('#terms-table thead th').length - 2,
    firsts: document.querySelectorAll('#terms-table td.first').length,
    lines: document.querySelectorAll('.chart svg .term-line').length,
  }));
  check(`${p.name}: a row per term`, n.rows === p.terms, `${n.rows}, want ${p.terms}`);
  check(`${p.name}: a column per document`, n.docs === p.documents, `${n.docs}, want ${p.documents}`);
  check(`${p.name}: each term's first appearance marked`, n.firsts === p.firsts, `${n.firsts}, want ${p.firsts}`);
  check(`${p.name}: a line per term over the years`, n.lines > 0, `${n.lines}`);
}

async function diff(page, p) {
  const n = await page.evaluate(() => ({
    headline: document.querySelectorAll('table.pairs')[0]?.tBodies[0].rows.length ?? 0,
    changed: document.querySelectorAll('table.pairs tr.changed').length,
    tasks: document.querySelectorAll('table.diff tbody tr').length,
    marks: document.querySelectorAll('table.diff ins, table.diff del').length,
  }));
  check(`${p.name}: headline indicators`, n.headline >= p.headline, `${n.headline}, want ${p.headline}`);
  check(`${p.name}: changed figures marked`, n.changed >= Math.min(1, p.changed), `${n.changed}`);
  check(`${p.name}: work items aligned`, n.tasks === p.tasks, `${n.tasks}, want ${p.tasks}`);
  if (p.charmarks) check(`${p.name}: changed characters marked`, n.marks > 0);
}

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--allow-file-access-from-files'],
});
try {
  for (const p of pages) {
    const page = await browser.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('requestfailed', (r) => errors.push('request failed: ' + r.url()));
    page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) errors.push('network: ' + r.url()); });
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto('file://' + path.resolve(dir, p.file), { waitUntil: 'load' });
    const scripts = await page.$$eval('script', (s) => s.length);
    check(`${p.name}: one script, the page's own`, scripts === 1, `${scripts}`);
    if (p.kind === 'speech') await speech(page, p);
    else if (p.kind === 'panel') await panel(page, p);
    else if (p.kind === 'terms') await terms(page, p);
    else await diff(page, p);
    check(`${p.name}: no console errors`, errors.length === 0, errors.join('; '));
    await page.screenshot({ path: path.join(dir, p.name + '.png'), fullPage: false });
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
