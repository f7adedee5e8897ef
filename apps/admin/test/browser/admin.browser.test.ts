// The admin in a real Chromium against the real API and its embedded database: the journey of
// a new user from the first-run link to a bot that learnt from its review inbox, then roles,
// session expiry, hostile text, and the API going away. One API process and one browser;
// each scenario has its own browser context.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext, screenshot } from './support/browser.ts';
import { startParley, type Parley } from './support/parley.ts';
import { ACF_ORDER_STATUS_FILE } from './support/paths.ts';
import { checkScreen, checkedScreens, dragSelect, refuseDialogs } from './support/screens.ts';
import { startToolServer, type ToolServer } from './support/tool-server.ts';

const ADMIN = { username: 'ada', password: 'correct horse battery' };
const VIEWER = { username: 'vic', password: 'viewer horse battery' };
const HOSTILE = '<img src=x onerror=alert(1)>';
const BOT = 'travel';

let parley: Parley;
let browser: Browser;
let tools: ToolServer;
let admin: BrowserContext;
let page: Page;
let restKey = '';
let viewer: BrowserContext;
const dialogs: string[] = [];

const url = (suffix: string) => `${parley.baseUrl}/admin${suffix}`;
const botUrl = (suffix: string) => url(`/bots/${BOT}${suffix}`);

async function signIn(target: Page, user: { username: string; password: string }) {
  await target.getByLabel('Username').fill(user.username);
  await target.getByLabel('Password').fill(user.password);
  await target.getByRole('button', { name: 'Sign in' }).click();
}

async function chat(text: string, threadId: string) {
  const res = await fetch(`${parley.baseUrl}/api/v1/bots/${BOT}/chat`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${restKey}` },
    body: JSON.stringify({ threadId, text }),
  });
  assert.equal(res.status, 200, await res.clone().text());
  return (await res.json()) as {
    messages: Array<{ text: string }>;
    intent: { name: string } | null;
  };
}

/** Waits for the Train panel to report the end of a job; on a timeout, says what the registry holds. */
async function trained(target: Page, text: RegExp = /is trained and active/) {
  try {
    await target.getByText(text).waitFor({ timeout: 120_000 });
  } catch (error) {
    await screenshot(target, `failure-training-${Date.now()}`);
    const registry = await target.evaluate(async () => {
      const res = await fetch(`/api/v1/admin/bots/${location.pathname.split('/')[3]}/models`);
      return res.text();
    });
    throw new Error(`${(error as Error).message}\nregistry: ${registry.slice(0, 2000)}`);
  }
}

/** After "Version N is trained and active": this API instance answers with version N. */
async function waitServing(target: Page) {
  const notice = await target.getByText(/Version \d+ is trained and active/).innerText();
  const version = /Version (\d+)/.exec(notice)![1];
  if (!target.url().endsWith('/models'))
    await target.getByRole('link', { name: 'Train & models' }).click();
  await target
    .getByText(`This server answers with version ${version}.`)
    .waitFor({ timeout: 30_000 });
}

/** The examples page has saved every change (a reload or a new address would ask first). */
async function examplesSaved(target: Page) {
  await target.getByRole('status').filter({ hasText: 'all changes saved' }).waitFor();
}

async function createIntent(
  name: string,
  responses: string[],
  examples: string[],
  extra?: (p: Page) => Promise<void>,
) {
  await page.goto(botUrl('/intents/new'));
  await page.locator('#intent-name').fill(name);
  await page.getByLabel('Variant 1', { exact: true }).fill(responses[0]!);
  for (const [index, response] of responses.slice(1).entries()) {
    await page.getByRole('button', { name: 'Add variant' }).click();
    await page.getByLabel(`Variant ${index + 2}`, { exact: true }).fill(response);
  }
  await extra?.(page);
  await page.getByRole('button', { name: 'Save intent' }).first().click();
  await page.getByText('Saved.').waitFor();
  await page.getByRole('link', { name: /Training examples/ }).click();
  await page.getByRole('button', { name: 'Paste many…' }).click();
  await page.getByLabel('One example per line').fill(examples.join('\n'));
  await page.getByRole('button', { name: `Add ${examples.length} example(s)` }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `${examples.length} of ${examples.length} examples · all changes saved` })
    .waitFor();
}

before(async () => {
  [parley, browser, tools] = await Promise.all([startParley(), launchBrowser(), startToolServer()]);
  admin = await newContext(browser);
  page = await admin.newPage();
  refuseDialogs(page, dialogs);
});

after(async () => {
  if (process.env.PARLEY_DEBUG_LOGS)
    console.log(
      parley?.api.logs
        .filter((l) => /train|error|warn/i.test(l))
        .slice(-40)
        .join('\n'),
    );
  await browser?.close();
  await tools?.close();
  await parley?.stop();
  console.log(
    `screens checked with axe and photographed: ${checkedScreens.length} (${checkedScreens.join(', ')})`,
  );
});

describe('a new user builds, trains, tries and improves a bot in the browser', () => {
  it('creates the first admin through the setup link the API printed', async () => {
    await page.goto(parley.setupUrl);
    await page.getByRole('heading', { name: 'Create the first admin' }).waitFor();
    await checkScreen(page, '01-setup');
    await page.getByLabel('Username').fill(ADMIN.username);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Password again').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Create admin and sign in' }).click();
    await page.getByRole('heading', { name: 'Bots' }).waitFor();
    assert.equal(new URL(page.url()).hash, '', 'the setup token leaves the address bar');
    const cookies = await admin.cookies();
    const session = cookies.find((cookie) => cookie.name === 'parley_session');
    assert.ok(session?.httpOnly, 'the session is an httpOnly cookie');
    assert.equal(session?.sameSite, 'Strict');
    assert.equal(await page.evaluate(() => JSON.stringify(localStorage)), '{}');
    await checkScreen(page, '02-bots');
  });

  it('signs out and in again on the login screen', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Parley' }).waitFor();
    await checkScreen(page, '03-login');
    await signIn(page, { ...ADMIN, password: 'wrong password!' });
    await page.getByRole('alert').filter({ hasText: 'Invalid credentials' }).waitFor();
    await signIn(page, ADMIN);
    await page.getByRole('heading', { name: 'Bots' }).waitFor();
  });

  it('creates a bot', async () => {
    await page.getByRole('button', { name: 'New bot' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').waitFor();
    await checkScreen(page, '04-new-bot-dialog');
    await dialog.getByLabel('Name').fill('Travel');
    await dialog.getByLabel('Id (optional)').fill(BOT);
    await dialog.getByRole('button', { name: 'Create bot' }).click();
    await page.getByRole('heading', { name: 'Intents', exact: true }).waitFor();
    await page.getByRole('combobox', { name: 'Bot' }).filter({ hasText: 'Travel' }).waitFor();
  });

  it('lets tool calls reach the local weather server (settings)', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await page.getByLabel(/Tool calls may reach private networks/).check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Saved.').waitFor();
    await checkScreen(page, '20-settings');
  });

  it('adds an entity with synonyms, typed as chips', async () => {
    await page.getByRole('link', { name: 'Entities' }).click();
    await page.getByRole('button', { name: 'New entity' }).click();
    await page.getByRole('dialog').getByLabel('Name').fill('city');
    await page.getByRole('dialog').getByRole('button', { name: 'Create entity' }).click();
    await page.getByRole('heading', { name: 'Entity “city”' }).waitFor();
    for (const [value, synonyms] of [
      ['Paris', ['paname', 'city of light']],
      ['Rome', ['roma']],
      ['Berlin', []],
      ['Lisbon', ['lisboa']],
    ] as const) {
      await page.getByLabel('New value').fill(value);
      await page.getByLabel('New value').press('Enter');
      const chips = page.getByLabel(`synonym of ${value}`, { exact: true });
      for (const synonym of synonyms) {
        await chips.fill(synonym);
        await chips.press('Enter');
      }
    }
    // Backspace on an empty chip box removes the last chip; a duplicate is flagged.
    const paris = page.getByLabel('synonym of Paris', { exact: true });
    await paris.press('Backspace');
    await page.getByRole('button', { name: 'remove synonym of Paris: paname' }).waitFor();
    assert.equal(
      await page.getByRole('button', { name: 'remove synonym of Paris: city of light' }).count(),
      0,
    );
    await paris.fill('roma');
    await paris.press('Enter');
    await page.getByText(/Written more than once: “roma”/).waitFor();
    await page.getByRole('button', { name: 'remove synonym of Paris: roma' }).click();
    await page.getByLabel(/Fuzzy matching/).check();
    await page.getByRole('button', { name: 'Add pattern' }).click();
    await page.getByLabel('Pattern 1', { exact: true }).fill('[A-Z][a-z]+ville');
    await page.getByLabel(/Example strings/).fill('Louisville\nparis');
    await page.getByText('matches “Louisville”').waitFor();
    await page.getByText('no match').waitFor();
    await page.getByRole('button', { name: 'Save entity' }).click();
    await page.getByText('Saved.').waitFor();
    await checkScreen(page, '10-entity-editor');
    await page.getByRole('link', { name: 'Entities' }).click();
    await page.getByRole('cell', { name: 'sys.date', exact: true }).waitFor();
    await checkScreen(page, '09-entities');
  });

  it('creates three intents with examples, one with a parameter and a tool call', async () => {
    await createIntent(
      'Greet',
      ['Hello! How can I help?'],
      // 20 examples in all: enough for training to fold and hold an intent out of each fold.
      ['hi', 'hello', 'hey there', 'good morning', 'hello bot', 'hi there', 'hey'],
    );
    await createIntent(
      'Goodbye',
      ['Bye, have a good trip!'],
      ['bye', 'goodbye', 'see you later', 'that is all thanks', 'bye bye', 'good night'],
    );
    await createIntent(
      'Weather',
      ['It is {{result.sky}} in {{parameters.city}}.'],
      [
        'weather in Paris',
        'is it raining in Rome',
        'what is the weather like in Berlin',
        'forecast for Lisbon',
        'will it be sunny in Paris tomorrow',
        'what is the weather',
        'weather forecast please',
      ],
      async (editor) => {
        await editor.getByRole('button', { name: 'Add parameter' }).click();
        await editor.locator('#parameter-0-name').fill('city');
        await editor.locator('#parameter-0-entity').selectOption('city');
        await editor.locator('#parameter-0-prompt').fill('Which city?');
        await editor.getByLabel('city', { exact: true }).fill('Paris');
        // the live preview renders with the sample value, through the API's renderer
        await editor.getByText(/It is\s+in Paris\./).waitFor();
        await editor.getByRole('button', { name: 'Add a tool call' }).click();
        await editor
          .getByLabel('URL', { exact: true })
          .fill(`${tools.url}/weather?city={{parameters.city}}`);
        await editor.getByRole('button', { name: 'Try this call' }).click();
        await editor.getByText(`GET ${tools.url}/weather?city=Paris`).waitFor();
        await editor.getByText('"sky": "sunny"').waitFor();
        await checkScreen(editor, '06-intent-editor');
      },
    );
    await page.getByRole('link', { name: 'Intents' }).click();
    await page.getByRole('cell', { name: 'weather', exact: true }).waitFor();
    await page.getByText('Not trained yet — train').waitFor();
    await checkScreen(page, '05-intents');
  });

  it('asks before leaving an intent with unsaved changes', async () => {
    await page.goto(botUrl('/intents/greet'));
    await page.locator('#intent-name').fill('Greeting');
    await page.getByText('Unsaved changes').waitFor();
    await page.getByRole('link', { name: 'Entities' }).click();
    const ask = page.getByRole('dialog', { name: 'Leave without saving?' });
    await ask.waitFor();
    await ask.getByRole('button', { name: 'Stay on this page' }).click();
    assert.equal(await page.locator('#intent-name').inputValue(), 'Greeting');
    await page.getByRole('link', { name: 'Entities' }).click();
    await page
      .getByRole('dialog', { name: 'Leave without saving?' })
      .getByRole('button', { name: 'Leave and discard' })
      .click();
    await page.getByRole('heading', { name: 'Entities', exact: true }).waitFor();
    await page.goto(botUrl('/intents/greet'));
    assert.equal(await page.locator('#intent-name').inputValue(), 'Greet');
  });

  it('annotates a city with the mouse and another with the keyboard only', async () => {
    // Saves answer slowly, so that the tags below queue up behind one another: no refetch of
    // the intent may bring back the server's older copy while later tags wait their turn.
    const intentUrl = '**/api/v1/admin/bots/travel/intents/weather';
    await page.route(intentUrl, async (route) => {
      if (route.request().method() === 'PUT') await new Promise((r) => setTimeout(r, 600));
      await route.fallback();
    });
    await page.goto(botUrl('/intents/weather/examples'));
    const byMouse = page.getByRole('group', { name: /: weather in Paris$/ });
    await dragSelect(page, byMouse, 'Paris');
    const picker = page.getByRole('listbox');
    await picker.waitFor();
    assert.equal(await picker.evaluate((el) => el === document.activeElement), true);
    await page.keyboard.press('1');
    await page.getByRole('button', { name: 'remove city: Paris' }).waitFor();
    assert.equal(
      await byMouse.evaluate((el) => el === document.activeElement),
      true,
      'focus returns to the example',
    );

    const byKeys = page.getByRole('group', { name: /: is it raining in Rome$/ });
    await byKeys.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.getByRole('listbox').waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'remove city: Rome' }).waitFor();

    const twoWords = page.getByRole('group', { name: /: what is the weather like in Berlin$/ });
    await twoWords.focus();
    for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('1');
    await page.getByRole('button', { name: 'remove city: Berlin' }).waitFor();
    // Escape closes the picker without tagging.
    const lisbon = page.getByRole('group', { name: /: forecast for Lisbon$/ });
    await dragSelect(page, lisbon, 'Lisbon');
    await page.getByRole('listbox').waitFor();
    await checkScreen(page, '07-annotation');
    await page.keyboard.press('Escape');
    assert.equal(await page.getByRole('listbox').count(), 0);

    // Saved: the tags are there after a reload, at the offsets the API checks.
    await examplesSaved(page);
    await page.unroute(intentUrl);
    await page.reload();
    await page.getByRole('button', { name: 'remove city: Berlin' }).waitFor();
    const stored = await page.evaluate(async () => {
      const res = await fetch('/api/v1/admin/bots/travel/intents/weather');
      return (await res.json()) as { trainingData: Array<{ text: string; entities: unknown[] }> };
    });
    const paris = stored.trainingData.find((e) => e.text === 'weather in Paris');
    assert.deepEqual(paris?.entities, [{ name: 'city', value: 'Paris', begin: 11, end: 16 }]);
    for (const text of ['is it raining in Rome', 'what is the weather like in Berlin'])
      assert.equal(stored.trainingData.find((e) => e.text === text)?.entities.length, 1, text);
  });

  it('takes back a refused tag alone, says so, and keeps the tag made after it', async () => {
    for (const text of ['snow in Oslo', 'sun in Madrid']) {
      await page.locator('#new-example').fill(text);
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await page.getByRole('group', { name: new RegExp(`: ${text}$`) }).waitFor();
    }
    await examplesSaved(page);
    // The first save is refused (slowly, so the second tag waits behind it); the rest pass.
    const intentUrl = '**/api/v1/admin/bots/travel/intents/weather';
    let puts = 0;
    await page.route(intentUrl, async (route) => {
      if (route.request().method() !== 'PUT') return route.fallback();
      puts += 1;
      await new Promise((r) => setTimeout(r, 600));
      if (puts > 1) return route.fallback();
      return route.fulfill({
        status: 422,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          type: 'about:blank',
          title: 'Refused by the test',
          status: 422,
          detail: 'This save was refused on purpose.',
        }),
      });
    });
    try {
      await dragSelect(page, page.getByRole('group', { name: /: snow in Oslo$/ }), 'Oslo');
      await page.getByRole('listbox').waitFor();
      await page.keyboard.press('1');
      await dragSelect(page, page.getByRole('group', { name: /: sun in Madrid$/ }), 'Madrid');
      await page.getByRole('listbox').waitFor();
      await page.keyboard.press('1');

      await page.getByRole('alert').filter({ hasText: 'The change was not saved' }).waitFor();
      await page.getByRole('status').filter({ hasText: 'last change not saved' }).waitFor();
      assert.equal(await page.getByRole('button', { name: 'remove city: Oslo' }).count(), 0);
      await page.getByRole('button', { name: 'remove city: Madrid' }).waitFor();
    } finally {
      await page.unroute(intentUrl);
    }
    await page.reload();
    await page.getByRole('button', { name: 'remove city: Madrid' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'remove city: Oslo' }).count(), 0);
    assert.equal(puts, 2);
  });

  it('trains and watches the progress bar reach 100 %', async () => {
    await page.getByRole('link', { name: 'Train & models' }).click();
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.locator('#train-progress').waitFor();
    const done = page.locator('#train-done');
    await done.waitFor({ timeout: 120_000 });
    assert.equal(await done.getAttribute('value'), '100');
    await page.getByText(/Version 1 is trained and active/).waitFor();
    await page.getByText('Model up to date').waitFor({ timeout: 30_000 });
    await waitServing(page);
    await checkScreen(page, '11-models');
  });

  it('accepts the entity tags the trained model suggests', async () => {
    await page.goto(botUrl('/intents/weather/examples'));
    await page.getByRole('button', { name: 'Suggest tags' }).click();
    await page
      .getByText(/example\(s\) have suggested tags/)
      .first()
      .waitFor();
    await page.getByText('Suggested: Paris → city').waitFor();
    await page.getByRole('button', { name: /^Accept all \d+ suggestions$/ }).click();
    await page.getByRole('button', { name: 'remove city: Paris' }).nth(1).waitFor();
    await page.getByRole('button', { name: 'remove city: Lisbon' }).waitFor();
    await page.getByText('Model out of date — train').waitFor();
    await examplesSaved(page);
    await page.getByRole('link', { name: 'Train & models' }).click();
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await trained(page, /is trained and active/);
    await waitServing(page);
  });

  it('chats in Try it through slot filling to the tool call', async () => {
    await page.getByRole('link', { name: 'Try it' }).click();
    const input = page.getByLabel('Message', { exact: true });
    await input.fill('what is the weather');
    await input.press('Enter');
    await page.locator('.bubble.bot', { hasText: 'Which city?' }).waitFor();
    await input.fill('Paris');
    await input.press('Enter');
    await page.locator('.bubble.bot', { hasText: 'It is sunny in Paris.' }).waitFor();
    assert.ok(tools.requests.some((request) => request === '/weather?city=Paris'));
    await page.getByText(`GET ${tools.url}/weather?city=Paris`).waitFor();
    await page.getByRole('heading', { name: 'Intent ranking' }).waitFor();
    await checkScreen(page, '13-try-it');
  });

  it('shows the confusion matrix and the calibration error of the trained model', async () => {
    await page.goto(botUrl('/models'));
    await page.getByRole('link', { name: 'v1' }).click();
    await page.getByRole('heading', { name: 'Confusion matrix' }).waitFor();
    const matrix = page.getByRole('table', { name: 'Confusion matrix' });
    await matrix.getByRole('rowheader', { name: 'weather' }).waitFor();
    await matrix.getByRole('columnheader', { name: 'greet' }).waitFor();
    // The confidence's calibration error, as a percentage.
    await page.getByText('Confidence calibration error').waitFor();
    await page
      .locator('.card', { hasText: 'Confidence calibration error' })
      .getByText(/^\d+\.\d %$/)
      .waitFor();
    await checkScreen(page, '12-model-metrics');
    // Next to the threshold: what each would cost, and how many untaught messages it catches.
    await page.getByRole('link', { name: 'Settings' }).click();
    const tradeoff = page.getByRole('table', { name: /Accuracy and fallback rate by threshold/ });
    await tradeoff.getByRole('columnheader', { name: 'Untaught caught' }).waitFor();
    const at06 = tradeoff.getByRole('row').filter({ hasText: /^0\.60/ });
    assert.match(await at06.innerText(), /^0\.60\s+[\d.]+ %\s+[\d.]+ %\s+[\d.]+ %$/u);
    await page.getByText(/Of messages about things the bot was never taught/).waitFor();
    await page.goto(botUrl('/models'));
    await page.getByRole('link', { name: 'v1' }).click();
    // Each misclassified example links to its intent's examples, filtered to it. The section
    // is awaited first: until it renders, the page still shows the models list and its links.
    await page.getByRole('heading', { name: 'Misclassified examples' }).waitFor();
    const misses = page.getByRole('table', { name: 'Misclassified examples' }).getByRole('link');
    if ((await misses.count()) > 0) {
      const text = await misses.first().innerText();
      await misses.first().click();
      await page.getByRole('heading', { name: /^Examples of/ }).waitFor();
      assert.equal(await page.getByLabel('Filter').inputValue(), text);
      await page.getByRole('group', { name: new RegExp(`: ${text}$`) }).waitFor();
    }
  });

  it('retrains and rolls back to the first version', async () => {
    await page.goto(botUrl('/models'));
    await page.getByRole('button', { name: 'Retrain anyway' }).click();
    await trained(page, /Version 3 is trained and active/);
    await page.getByRole('button', { name: 'Activate version 1' }).click();
    await page.getByText('Version 1 is now active.').waitFor();
    await page.getByText('This server answers with version 1.').waitFor({ timeout: 30_000 });
    const v1 = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'v1' }) });
    await v1.getByText('active', { exact: true }).waitFor();
  });

  it('imports ai-chatbot-framework’s order_status bot after a dry run, and lists a bad file’s problems', async () => {
    await page.goto(url('/bots'));
    await page.getByRole('button', { name: 'New bot' }).click();
    await page.getByRole('dialog').getByLabel('Name').fill('Orders');
    await page.getByRole('dialog').getByLabel('Id (optional)').fill('orders');
    await page.getByRole('dialog').getByRole('button', { name: 'Create bot' }).click();
    await page.getByRole('heading', { name: 'Intents', exact: true }).waitFor();
    // An empty bot cannot be trained: the reason is said in the bot builder's words.
    await page.getByRole('link', { name: 'Train & models' }).click();
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'The bot needs at least 2 intents with training examples' })
      .waitFor();
    await page.getByRole('link', { name: 'Import & export' }).click();
    await page.getByLabel('Bot file (JSON)').setInputFiles(ACF_ORDER_STATUS_FILE);
    await page.getByText(/ai-chatbot-framework export\. Importing it would:/).waitFor();
    await page
      .getByText(/Created \(\d+\): .*order_status/)
      .first()
      .waitFor();
    await checkScreen(page, '19-import-export');
    await page.getByRole('button', { name: 'Import acf-order_status.json' }).click();
    await page.getByText(/Imported \d+ intents and \d+ entities/).waitFor();

    const bad = path.join(mkdtempSync(path.join(os.tmpdir(), 'parley-bad-')), 'broken-bot.json');
    writeFileSync(
      bad,
      JSON.stringify({
        intents: [{ name: 'Broken', intentId: 'bad id', trainingData: 'nope' }],
        entities: [],
      }),
    );
    await page.getByLabel('Bot file (JSON)').setInputFiles(bad);
    const problems = page
      .getByRole('alert')
      .filter({ hasText: 'broken-bot.json cannot be imported' });
    await problems.waitFor();
    assert.match(await problems.innerText(), /intents\[0\]\.|intents\.0\./);
    assert.equal(await page.getByRole('button', { name: /^Import broken-bot/ }).count(), 0);
    // the good import is still there: nothing was written by the bad file
    await page.getByRole('link', { name: 'Intents' }).click();
    await page.getByRole('cell', { name: 'check_order_status', exact: true }).waitFor();
  });

  it('keeps the examples list fast with 2,000 examples (only the visible rows are drawn)', async () => {
    const saved = await page.evaluate(async () => {
      const base = '/api/v1/admin/bots/orders/intents/check_order_status';
      const { csrfToken } = await (await fetch('/api/v1/auth/session')).json();
      const intent = await (await fetch(base)).json();
      const many = Array.from({ length: 2000 }, (_, i) => ({
        text: `where is my parcel number ${i}`,
        entities: [],
      }));
      const res = await fetch(base, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken },
        body: JSON.stringify({ ...intent, trainingData: [...intent.trainingData, ...many] }),
      });
      return res.status;
    });
    assert.equal(saved, 200);
    const started = Date.now();
    await page.goto(url('/bots/orders/intents/check_order_status/examples'));
    await page.getByText(/of 20\d\d examples/).waitFor();
    const drawn = await page.getByRole('listitem').count();
    assert.ok(drawn < 60, `${drawn} rows drawn for 2,000 examples`);
    await page
      .locator('.examples-list')
      .evaluate((list) => list.scrollTo({ top: list.scrollHeight }));
    await page.getByRole('group', { name: /: where is my parcel number 1999$/ }).waitFor();
    await page.getByLabel('Filter').fill('number 1234');
    await page.getByRole('group', { name: /: where is my parcel number 1234$/ }).waitFor();
    assert.ok(Date.now() - started < 10_000, 'shown, scrolled and filtered within seconds');
  });

  it('sets up the REST and widget channels', async () => {
    await page.goto(botUrl('/channels'));
    await page.getByRole('button', { name: 'Create a key' }).click();
    restKey = await page.getByLabel('Channel key', { exact: true }).inputValue();
    assert.match(restKey, /^rk_/);
    const widget = page.getByRole('region', { name: 'Web chat widget' });
    await widget.getByLabel('Enabled').check();
    await widget.getByLabel('allowed origin', { exact: true }).fill('https://shop.example');
    await widget.getByLabel('allowed origin', { exact: true }).press('Enter');
    await widget.getByRole('button', { name: 'Save widget' }).click();
    const snippet = await widget.getByLabel(/Embed snippet/).inputValue();
    assert.match(
      snippet,
      new RegExp(
        `^<script src="${parley.baseUrl}/widget.js" data-bot-id="travel" data-api-url="${parley.baseUrl}" data-key="pub_[\\w-]+" async></script>$`,
      ),
    );
    await page
      .getByLabel(/Webhook URL/)
      .and(page.locator(`[value="${parley.baseUrl}/api/v1/channels/messenger/travel/webhook"]`))
      .waitFor();
    await checkScreen(page, '16-channels');
  });

  it('finds a fell-back message in the review inbox, adds it to an intent, retrains and sees it understood', async () => {
    await page.goto(botUrl('/models'));
    await page.getByRole('button', { name: 'Activate version 3' }).click();
    await page.getByText('Version 3 is now active.').waitFor();
    await page.getByText('This server answers with version 3.').waitFor({ timeout: 30_000 });
    const first = await chat('howdy partner', 'visitor-1');
    assert.notEqual(first.intent?.name, 'greet');

    await page.getByRole('link', { name: 'Conversations' }).click();
    await page.getByLabel('Fell back').check();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByRole('link', { name: 'visitor-1' }).waitFor();
    await checkScreen(page, '14-conversations');
    await page.getByRole('link', { name: 'visitor-1' }).click();
    await page.locator('.bubble.user', { hasText: 'howdy partner' }).waitFor();
    await checkScreen(page, '15-transcript');

    await page.getByRole('link', { name: 'Needs review' }).click();
    const card = page.getByRole('listitem').filter({ hasText: 'howdy partner' });
    await card.getByLabel('Add this message to intent').selectOption('greet');
    await checkScreen(page, '17-review');
    await card.getByRole('button', { name: 'Add example' }).click();
    await page.getByText('Added “howdy partner” to greet').waitFor();
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await trained(page, /Version 4 is trained and active/);

    // Every API instance follows the new model within seconds (it polls the active model).
    let again = await chat('howdy partner', 'visitor-2');
    for (let i = 0; i < 40 && again.intent?.name !== 'greet'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      again = await chat('howdy partner', `visitor-2-${i}`);
    }
    assert.equal(again.intent?.name, 'greet');
    assert.equal(again.messages[0]?.text, 'Hello! How can I help?');
  });
});

describe('the admin under its Content-Security-Policy', () => {
  it('runs without inline script, and refuses one injected into the page', async () => {
    const strict = await newContext(browser, { bypassCSP: false });
    try {
      const tab = await strict.newPage();
      const violations: string[] = [];
      tab.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await tab.goto(url('/login'));
      await tab.getByRole('heading', { name: 'Sign in to Parley' }).waitFor();
      await signIn(tab, ADMIN);
      await tab.getByRole('heading', { name: 'Bots' }).waitFor();
      await tab.goto(botUrl('/intents/weather/examples'));
      await tab.getByRole('button', { name: 'remove city: Paris' }).first().waitFor();
      assert.deepEqual(violations, [], 'the app itself needs nothing the CSP forbids');
      const injected = await tab.addScriptTag({ content: 'window.__injected = true' }).then(
        () => 'ran',
        () => 'refused',
      );
      assert.equal(injected, 'refused');
      assert.equal(
        await tab.evaluate(() => (window as { __injected?: boolean }).__injected),
        undefined,
      );
    } finally {
      await strict.close();
    }
  });
});

describe('a viewer sees everything and can change nothing', () => {
  it('is created by the admin with the viewer role', async () => {
    await page.goto(url('/access'));
    const users = page.getByRole('region', { name: 'Users' });
    await users.getByLabel('Username', { exact: true }).fill(VIEWER.username);
    await users.getByLabel(/^Password/).fill(VIEWER.password);
    await users.getByLabel('Role', { exact: true }).selectOption('viewer');
    await users.getByRole('button', { name: 'Create user' }).click();
    await users.getByRole('cell', { name: VIEWER.username, exact: true }).waitFor();
    await page.getByRole('cell', { name: 'user.create' }).first().waitFor();
    await checkScreen(page, '21-access');
  });

  it('finds every write control disabled with the reason, and the API refuses a write', async () => {
    viewer = await newContext(browser);
    const tab = await viewer.newPage();
    refuseDialogs(tab, dialogs);
    await tab.goto(botUrl('/intents'));
    await signIn(tab, VIEWER);
    await tab.getByRole('heading', { name: 'Intents', exact: true }).waitFor();
    await tab.getByText(/Read-only\. You are signed in as a viewer/).waitFor();
    const newIntent = tab.getByRole('button', { name: 'New intent' });
    assert.equal(await newIntent.isDisabled(), true);
    assert.match((await newIntent.getAttribute('title')) ?? '', /only an admin can change it/);
    assert.equal(await tab.getByRole('button', { name: 'Delete Weather' }).isDisabled(), true);
    await checkScreen(tab, '22-viewer-intents');

    await tab.goto(botUrl('/intents/weather'));
    await tab.locator('#intent-name').waitFor();
    assert.equal(await tab.locator('#intent-name').isDisabled(), true);
    assert.equal(await tab.getByRole('button', { name: 'Save intent' }).first().isDisabled(), true);
    assert.equal(await tab.getByRole('button', { name: 'Try this call' }).isDisabled(), true);

    await tab.goto(botUrl('/intents/weather/examples'));
    await tab.getByRole('button', { name: 'remove city: Paris' }).first().waitFor();
    assert.equal(
      await tab.getByRole('button', { name: 'remove city: Paris' }).first().isDisabled(),
      true,
    );
    await dragSelect(tab, tab.getByRole('group', { name: /: forecast for Lisbon$/ }), 'Lisbon');
    assert.equal(await tab.getByRole('listbox').count(), 0, 'no entity picker for a viewer');

    await tab.goto(botUrl('/models'));
    assert.equal(await tab.getByRole('button', { name: 'Train', exact: true }).isDisabled(), true);
    await tab.goto(botUrl('/settings'));
    assert.equal(await tab.getByRole('button', { name: 'Save settings' }).isDisabled(), true);

    const status = await tab.evaluate(async () => {
      const session = await (await fetch('/api/v1/auth/session')).json();
      const res = await fetch('/api/v1/admin/bots/travel/intents/weather', {
        method: 'DELETE',
        headers: { 'X-CSRF-Token': session.csrfToken },
      });
      return res.status;
    });
    assert.equal(status, 403);
    await tab.close();
  });
});

describe('an expired session', () => {
  it('sends the user to login, then back to the page they were on', async () => {
    const tab = await viewer.newPage();
    await tab.goto(botUrl('/entities'));
    await tab.getByRole('heading', { name: 'Entities', exact: true }).waitFor();
    // The same user signs out everywhere from another browser: this session ends on the server.
    const other = await newContext(browser);
    try {
      const elsewhere = await other.newPage();
      await elsewhere.goto(url('/login'));
      await signIn(elsewhere, VIEWER);
      await elsewhere.getByRole('heading', { name: 'Bots' }).waitFor();
      const status = await elsewhere.evaluate(async () => {
        const session = await (await fetch('/api/v1/auth/session')).json();
        const res = await fetch('/api/v1/auth/logout-all', {
          method: 'POST',
          headers: { 'X-CSRF-Token': session.csrfToken },
        });
        return res.status;
      });
      assert.equal(status, 204);
    } finally {
      await other.close();
    }
    await tab.getByRole('link', { name: 'Intents' }).click();
    await tab
      .getByText('Your session ended. Sign in again to go back to where you were.')
      .waitFor();
    assert.match(tab.url(), /\/admin\/login\?next=%2Fbots%2Ftravel%2Fintents/);
    await signIn(tab, VIEWER);
    await tab.getByRole('heading', { name: 'Intents', exact: true }).waitFor();
    assert.equal(new URL(tab.url()).pathname, '/admin/bots/travel/intents');
    await tab.close();
  });
});

describe('hostile text', () => {
  it(`renders ${HOSTILE} as text on every screen that shows it`, async () => {
    const before = dialogs.length;
    // An intent named with it, an example, an entity value, a bot reply and a user message.
    await createIntent(
      HOSTILE,
      [`${HOSTILE} says the bot`],
      [`${HOSTILE} from the user`, 'totally hostile'],
    );
    await page.goto(botUrl('/entities/city'));
    await page.getByLabel('New value').fill(HOSTILE);
    await page.getByLabel('New value').press('Enter');
    await page.getByRole('button', { name: 'Save entity' }).click();
    await page.getByText('Saved.').waitFor();
    await page.goto(botUrl('/models'));
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await trained(page, /is trained and active/);
    await waitServing(page);
    await page.getByRole('link', { name: 'Try it' }).click();
    await page.getByLabel('Message', { exact: true }).fill(`${HOSTILE} from the user`);
    await page.getByLabel('Message', { exact: true }).press('Enter');
    await page.locator('.bubble.bot', { hasText: `${HOSTILE} says the bot` }).waitFor();
    await chat(`${HOSTILE} from the user`, 'hostile-thread');

    for (const [screen, expected] of [
      ['/try', HOSTILE],
      ['/intents', HOSTILE],
      ['/entities/city', ''],
      ['/conversations/hostile-thread', `${HOSTILE} says the bot`],
    ] as const) {
      if (screen !== '/try') await page.goto(botUrl(screen));
      if (expected) await page.getByText(expected).first().waitFor();
      else await page.locator(`input[value="${HOSTILE}"]`).waitFor();
      assert.equal(await page.locator('img[src="x"]').count(), 0, `no <img> on ${screen}`);
    }
    const examplesUrl = (await page.evaluate(async () => {
      const res = await fetch('/api/v1/admin/bots/travel/intent-summaries');
      const body = (await res.json()) as { intents: Array<{ intentId: string; name: string }> };
      return body.intents.find((intent) => intent.name.startsWith('<img'))?.intentId;
    }))!;
    await page.goto(botUrl(`/intents/${examplesUrl}/examples`));
    await page.getByText(`${HOSTILE} from the user`).waitFor();
    assert.equal(await page.locator('img[src="x"]').count(), 0);
    assert.deepEqual(dialogs.slice(before), [], 'no script ran');
  });
});

describe('the API goes away mid-session', () => {
  it('says so in words instead of failing silently', async () => {
    await page.goto(botUrl('/entities'));
    await page.getByRole('heading', { name: 'Entities', exact: true }).waitFor();
    await parley.stopApi();
    await page.getByRole('link', { name: 'Intents' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Cannot reach the Parley API' });
    await alert.waitFor();
    assert.match(await alert.innerText(), /Check that the API is running/);
    await page.getByRole('link', { name: 'Train & models' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Cannot reach the Parley API' })
      .first()
      .waitFor();
    await screenshot(page, '23-api-down');
  });
});
