// Issue 10, browser side: a notification whose sending fails for network
// reasons waits in the browser's outbox, says so, survives a reload (and is
// sent again by itself), can be stopped (the draft stays), and is retried
// with its one Idempotency-Key until it lands — even when the edge acted
// and only its answer was lost, the case exists once.
import assert from 'node:assert/strict';
import { login } from './accounts.test.mjs';
import { LONG_WORK, clearDrafts, hasDraftEntry } from './harness.mjs';
import { syntheticFnrs } from '../../bench/fnr.mjs';
import { fillNotification } from './fristbrudd.test.mjs';

const TODAY = '2026-03-20';
const CASES = '**/api/v1/fristbrudd/cases';

const state = (page) => page.getByTestId('delivery').locator('[data-state]').getAttribute('data-state');

export const tests = [{
  name: 'outbox: a notification survives a dropped network and a reload, can be stopped, and lands once although an answer was lost',
  async run({ page, base, errors }) {
    await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00+01:00`));
    await page.setExtraHTTPHeaders({ 'X-Frist-Today': TODAY });
    await login(page, base, 'sykehus@innlandet.example');
    await page.locator('[data-testid="home"]').waitFor();
    await page.goto(base + '/fristbrudd/ny');
    await clearDrafts(page);
    await page.reload();
    await page.getByTestId('fb-form').waitFor();
    await fillNotification(page, syntheticFnrs(7)[6]);
    await page.getByLabel('Fagområde').fill('Utbokstest');
    assert.equal(await state(page), 'draft');

    // The network is down: the submission waits in the outbox and says so.
    await page.route(CASES, (route) => (route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue()));
    await page.getByRole('button', { name: 'Send til Helfo' }).click();
    await page.getByTestId('delivery').locator('[data-state="waiting"]').waitFor();
    assert.match(await page.getByTestId('delivery').textContent(), /sendes automatisk.*forsøk 1/);
    // A reload (or a crash) does not lose it: it is on its way again by itself.
    await page.reload();
    await page.getByTestId('delivery').locator('[data-state="waiting"]').waitFor();
    assert.equal(await page.getByLabel('Fagområde').inputValue(), 'Utbokstest');
    // Stopped: it is a draft again, with everything typed.
    await page.getByTestId('cancel-sending').click();
    await page.getByTestId('delivery').locator('[data-state="draft"]').waitFor();
    assert.equal(await page.getByLabel('Navn', { exact: true }).inputValue(), 'Kari Nordmann');

    // The network is back, but the first answer is lost after the edge acted.
    await page.unroute(CASES);
    let posts = 0;
    let created = null;
    const keys = [];
    await page.route(CASES, async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      posts++;
      keys.push(route.request().headers()['idempotency-key']);
      if (posts === 1) {
        created = await (await route.fetch()).json();
        return route.abort('connectionreset');
      }
      return route.continue();
    });
    await page.getByRole('button', { name: 'Send til Helfo' }).click();
    // The app retries after a back-off of real seconds: waited for, not timed.
    await page.getByTestId('receipt').waitFor({ timeout: LONG_WORK });
    const number = (await page.getByTestId('case-number').textContent()).trim();
    assert.equal(posts, 2, 'sent twice');
    assert.equal(keys[0], keys[1], 'with one Idempotency-Key');
    assert.equal(number, created.number, 'the receipt is the case the lost answer created');
    // Exactly one case for the submission.
    const list = await (await page.request.get(base + '/api/v1/fristbrudd/cases?limit=200')).json();
    assert.equal(list.items.filter((c) => c.specialty === 'Utbokstest').length, 1);
    // Nothing is left waiting, and the next notification starts afresh.
    assert.equal(await hasDraftEntry(page, 'frist.draft.fristbrudd.pending'), false);
    // The failures this test made on purpose are the only console errors allowed.
    const planned = /ERR_INTERNET_DISCONNECTED|ERR_CONNECTION_RESET/;
    errors.splice(0, errors.length, ...errors.filter((e) => !planned.test(e)));
  },
}];
