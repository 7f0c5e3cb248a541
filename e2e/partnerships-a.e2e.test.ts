/**
 * Community events in a real browser, as residents use them: find an event and RSVP (English), subscribe to
 * the calendar and parse the feed with a real iCalendar parser, cancel by the private link, and join a full
 * workshop's wait list in Spanish, answer the follow-up survey. Every public page passes axe-core without serious or critical violations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { pageProblems, runAxe, screenshot, seriousViolations, startE2E, type E2E } from './harness.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

async function expectAccessible(page: Page): Promise<void> {
  expect(seriousViolations(await runAxe(page))).toEqual([]);
  expect(await page.locator('h1').count()).toBe(1);
  for (const landmark of ['header', 'nav', 'main', 'footer']) expect(await page.locator(landmark).count()).toBeGreaterThan(0);
}

/** Parses an iCalendar body as a calendar client would, registering its time zones. */
function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar;
}

let cancelLink = '';

describe('community events for residents', () => {
  it('lists upcoming events with times in the agency time zone, and filters by kind', async () => {
    const page = await e2e.newPage();
    await page.goto('/events', { waitUntil: 'load' });
    await page.waitForSelector('[data-testid=event-card]');
    expect(await page.textContent('h1')).toBe('Community events');
    expect(await page.locator('[data-testid=event-card]').count()).toBeGreaterThanOrEqual(10);
    // Every card says which zone its time is in (the agency's, Eastern).
    expect(await page.locator('[data-testid=event-card]').first().textContent()).toMatch(/E[SD]T/);
    await expectAccessible(page);
    await screenshot(page, 'partnerships-events');

    await page.selectOption('[data-testid=events-type]', 'coffee_with_a_cop');
    await expect.poll(() => page.locator('[data-testid=event-card]').count()).toBe(2);
    expect(await page.getAttribute('[data-testid=calendar-feed]', 'href')).toContain('/calendar/types/coffee_with_a_cop.ics');
    expect(pageProblems(page)).toEqual([]);
  });

  it('subscribes to the calendar: the .ics links work and parse, per site, per kind and per event', async () => {
    const page = await e2e.newPage();
    await page.goto('/events', { waitUntil: 'load' });
    await page.waitForSelector('[data-testid=event-card]');
    const siteFeed = (await page.getAttribute('[data-testid=calendar-feed]', 'href'))!;
    const response = await page.request.get(siteFeed);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    const calendar = parseCalendar(await response.text());
    const vevents = calendar.getAllSubcomponents('vevent');
    expect(vevents.length).toBeGreaterThanOrEqual(12);
    for (const vevent of vevents) {
      expect(vevent.getFirstPropertyValue('uid')).toMatch(/@bridges$/);
      expect(String(vevent.getFirstPropertyValue('url'))).toMatch(new RegExp(`^${e2e.baseUrl}/events/\\d+$`));
      expect(new ICAL.Event(vevent).summary).toMatch(/^Demo:/);
    }
    expect(calendar.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'))).toEqual(['America/New_York']);

    await page.selectOption('[data-testid=events-type]', 'town_hall');
    await expect.poll(() => page.getAttribute('[data-testid=calendar-feed]', 'href')).toContain('town_hall');
    const typeFeed = parseCalendar(await (await page.request.get((await page.getAttribute('[data-testid=calendar-feed]', 'href'))!)).text());
    expect(typeFeed.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v).summary).every((s) => /town hall/i.test(s))).toBe(true);

    // One event's "add to my calendar" file, and its instant matches the page.
    await page.click('text=Demo: 24th District town hall on gun violence');
    await page.waitForSelector('[data-testid=event-page]');
    const eventId = Number(new URL(page.url()).pathname.split('/').pop());
    const single = parseCalendar(await (await page.request.get((await page.getAttribute('[data-testid=event-ics]', 'href'))!)).text());
    const [vevent] = single.getAllSubcomponents('vevent');
    const [{ starts_at: startsAt }] = await e2e.db.query<{ starts_at: Date }>('SELECT starts_at FROM events WHERE id = $1', [eventId]);
    expect(new ICAL.Event(vevent).startDate.toJSDate().toISOString()).toBe(startsAt.toISOString());
    expect(pageProblems(page)).toEqual([]);
  });

  it('finds an event and reserves places in English, with a private cancel link and a confirmation e-mail', async () => {
    const page = await e2e.newPage();
    await page.goto('/events', { waitUntil: 'load' });
    await page.click('text=Demo: Coffee with a Cop at Reading Terminal Market');
    await page.waitForSelector('[data-testid=rsvp-form]');
    expect(await page.textContent('[data-testid=event-when]')).toMatch(/8:30\s?AM – 10:00\s?AM E[SD]T/);
    expect(await page.textContent('[data-testid=event-page]')).toContain('Step-free entrance');
    await expectAccessible(page);
    await screenshot(page, 'partnerships-event');

    await page.selectOption('#rsvp-party', '2');
    await page.fill('#rsvp-name', 'Keisha');
    await page.fill('#rsvp-email', 'keisha.e2e@example.org');
    // Contact without consent is refused before anything is sent.
    await page.click('[data-testid=rsvp-submit]');
    await page.waitForSelector('text=tick the box that says we may contact you');
    await page.click('label[for=rsvp-consent]');
    await page.click('[data-testid=rsvp-submit]');
    await page.waitForSelector('[data-testid=rsvp-receipt][data-status=confirmed]');
    cancelLink = await page.inputValue('[data-testid=rsvp-cancel-link]');
    expect(cancelLink).toMatch(new RegExp(`^${e2e.baseUrl}/events/rsvp#[A-Za-z0-9_-]{32}$`));
    await expectAccessible(page);
    await screenshot(page, 'partnerships-event-rsvp');

    const [mail] = await e2e.db.query<{ subject: string; body: string }>("SELECT subject, body FROM message_outbox WHERE recipient = 'keisha.e2e@example.org'");
    expect(mail.subject).toBe('You are registered: Demo: Coffee with a Cop at Reading Terminal Market');
    expect(mail.body).toContain(cancelLink.split('#')[1]);
    expect(pageProblems(page)).toEqual([]);
  });

  it('can be used with the keyboard alone: tab order through the form, space on the consent box, enter to send', async () => {
    const page = await e2e.newPage();
    await page.goto('/events', { waitUntil: 'load' });
    const href = (await page.getAttribute('text=Demo: Coffee with a Cop in Fairmount', 'href'))!;
    await page.goto(href, { waitUntil: 'load' });
    await page.waitForSelector('[data-testid=rsvp-form]');
    expect(await page.getAttribute('a.usa-skipnav', 'href')).toBe('#main-content');
    // Start from the main landmark, where the skip link leads.
    await page.focus('#main-content');
    const reached: string[] = [];
    for (let i = 0; i < 30 && !reached.includes('rsvp-consent'); i += 1) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent?.trim() || ''));
    }
    // The back link, the calendar file, then every field of the form, in reading order.
    expect(reached[0]).toBe('All events');
    expect(reached).toContain('Add to my calendar');
    expect(reached.filter((id) => id.startsWith('rsvp-'))).toEqual(['rsvp-party', 'rsvp-name', 'rsvp-email', 'rsvp-phone', 'rsvp-consent']);
    await page.keyboard.press('Space');
    expect(await page.isChecked('#rsvp-consent')).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('rsvp-submit');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=rsvp-receipt]');
    // Focus lands on the answer, so a screen-reader user hears it.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H3');
    expect(pageProblems(page)).toEqual([]);
  });

  it('cancels by the private link, which frees the places', async () => {
    const page = await e2e.newPage();
    await page.goto(cancelLink, { waitUntil: 'load' });
    await page.waitForSelector('[data-testid=rsvp-lookup]');
    expect(await page.textContent('[data-testid=rsvp-state]')).toBe('Your place is reserved for 2 people.');
    await expectAccessible(page);
    await screenshot(page, 'partnerships-rsvp-cancel');
    await page.click('[data-testid=rsvp-cancel]');
    await page.waitForSelector('text=Your reservation is cancelled');
    await expect.poll(() => page.textContent('[data-testid=rsvp-state]')).toBe('This reservation for 2 people is cancelled.');
    const rows = await e2e.db.query("SELECT 1 FROM event_rsvps WHERE email = 'keisha.e2e@example.org'");
    expect(rows).toEqual([]);
    expect(pageProblems(page)).toEqual([]);
  });

  it('in Spanish: a full workshop puts the RSVP on the wait list, with its place in line', async () => {
    const page = await e2e.newPage();
    await page.goto('/events', { waitUntil: 'load' });
    await page.selectOption('[data-testid=language-select]', 'es');
    await expect.poll(() => page.textContent('h1')).toBe('Eventos comunitarios');
    await page.waitForSelector('text=Demo: Taller de seguridad en el hogar: cerraduras, luces y cámaras');
    await expectAccessible(page);
    await screenshot(page, 'partnerships-events-es');
    await page.click('text=Demo: Taller de seguridad en el hogar: cerraduras, luces y cámaras');
    await page.waitForSelector('[data-testid=rsvp-form]');
    expect(await page.textContent('[data-testid=event-places]')).toBe('Lleno: únase a la lista de espera');
    expect(await page.textContent('[data-testid=rsvp-submit]')).toBe('Unirme a la lista de espera');
    await expectAccessible(page);
    await page.fill('#rsvp-phone', '215 555 0199');
    await page.click('label[for=rsvp-consent]');
    await page.click('[data-testid=rsvp-submit]');
    await page.waitForSelector('[data-testid=rsvp-receipt][data-status=waitlisted]');
    expect(await page.textContent('[data-testid=rsvp-receipt] h3')).toBe('Usted es el número 2 en la lista de espera');
    await screenshot(page, 'partnerships-event-waitlist-es');
    const [sms] = await e2e.db.query<{ channel: string; body: string }>("SELECT channel, body FROM message_outbox WHERE recipient = '+12155550199'");
    expect(sms.channel).toBe('sms');
    expect(sms.body).toMatch(/^Está en la lista de espera: Demo: Taller/);
    expect(pageProblems(page)).toEqual([]);
  });

  it('answers the follow-up survey of a past event: accessible, a rating is required, the answer is stored anonymously', async () => {
    const [event] = await e2e.db.query<{ id: number }>(
      "SELECT id FROM events WHERE title->>'en' = 'Demo: Coffee with a Cop in Germantown' AND status = 'published'");
    const countAnswers = async () => (await e2e.db.query<{ n: number }>('SELECT count(*)::int AS n FROM event_survey_responses WHERE event_id = $1', [event.id]))[0].n;
    const before = await countAnswers();
    const page = await e2e.newPage();
    await page.goto(`/events/${event.id}`, { waitUntil: 'load' });
    // The event page invites those who came to the survey.
    await page.click(`a[href="/events/${event.id}/survey"]`);
    await page.waitForSelector('[data-testid=survey-form]');
    expect(await page.textContent('h1')).toBe('How was the event?');
    expect(await page.textContent('.usa-intro')).toBe('Demo: Coffee with a Cop in Germantown');
    await expectAccessible(page);
    await screenshot(page, 'partnerships-event-survey');

    // Sending without a rating says what is missing and stores nothing.
    await page.click('[data-testid=survey-form] button[type=submit]');
    await page.waitForSelector('[data-testid=survey-form] [role=alert]');
    expect(await page.textContent('[data-testid=survey-form] [role=alert]')).toContain('Choose a rating from 1 to 5.');
    expect(await countAnswers()).toBe(before);
    await expectAccessible(page);

    // USWDS draws its own radio; the input itself is visually hidden, so a person clicks the label.
    await page.click('label[for=survey-rating-4]');
    expect(await page.isChecked('#survey-rating-4')).toBe(true);
    await page.fill('#survey-comment', 'Good conversation about the park lights.');
    await page.click('[data-testid=survey-form] button[type=submit]');
    await page.waitForSelector('[role=status]:has-text("Thank you!")');
    expect(await page.locator('[data-testid=survey-form]').count()).toBe(0);
    const [answer] = await e2e.db.query<Record<string, unknown>>(
      'SELECT * FROM event_survey_responses WHERE event_id = $1 ORDER BY id DESC LIMIT 1', [event.id]);
    expect(answer).toMatchObject({ rating: 4, comment: 'Good conversation about the park lights.' });
    // Anonymous: nothing ties the answer to a person or a reservation.
    expect(Object.keys(answer).filter((k) => /rsvp|name|email|phone|ip|token/i.test(k))).toEqual([]);
    expect(await countAnswers()).toBe(before + 1);
    await expectAccessible(page);
    expect(pageProblems(page)).toEqual([]);
  });

  it('says the survey is not open for an event that has not started (and the page passes axe)', async () => {
    const [upcoming] = await e2e.db.query<{ id: number }>("SELECT id FROM events WHERE status = 'published' AND starts_at > now() ORDER BY starts_at LIMIT 1");
    const page = await e2e.newPage();
    await page.goto(`/events/${upcoming.id}/survey`, { waitUntil: 'load' });
    await page.waitForSelector('.usa-alert--info');
    expect(await page.textContent('.usa-alert--info')).toContain('The survey for this event is not open');
    expect(await page.locator('[data-testid=survey-form]').count()).toBe(0);
    await expectAccessible(page);
  });

  it('shows upcoming events on the portal home', async () => {
    const page = await e2e.newPage();
    await page.goto('/', { waitUntil: 'load' });
    await page.waitForSelector('[data-testid=events-widget] [data-testid=event-card]');
    expect(await page.locator('[data-testid=events-widget] [data-testid=event-card]').count()).toBe(3);
    expect(await page.locator('nav.usa-nav a').allTextContents()).toEqual(expect.arrayContaining(['Events', 'Neighborhood watch', 'Advisory Board']));
    expect(seriousViolations(await runAxe(page))).toEqual([]);
  });
});
