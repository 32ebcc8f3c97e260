// What both browser journeys share: Debian's Chromium, new people signing up, photos to post, screenshots.
import { chromium } from 'playwright-core';

export const phone = { width: 390, height: 844 };
export const desktop = { width: 1280, height: 900 };
/** What arrives "live" must arrive without a reload, well within this. */
export const LIVE = 10_000;

/** A person with a random name, so that each run signs up new people. */
export function newPerson(first, fullName) {
  const id = Math.random().toString(36).slice(2, 8);
  return { id, username: `${first}_${id}`, email: `${first}_${id}@example.com`, password: `pass-${id}-${first}!`, name: fullName };
}

export async function openBrowser(gateway, shots) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking'] });
  /** Errors thrown in any page: a journey fails on them at its end. */
  const failures = [];
  return {
    browser, failures,
    /** A new browser context in which `who` signs up through the form; confirm() dialogs are accepted. */
    async signUp(who, viewport) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      page.on('pageerror', (e) => failures.push(`${who.username}: ${e}`));
      page.on('dialog', (d) => void d.accept());
      await page.goto(gateway + '/');
      await page.getByRole('link', { name: 'Sign up' }).click();
      await page.getByLabel('E-mail').fill(who.email);
      await page.getByLabel('Full name').fill(who.name);
      await page.getByLabel('Username').fill(who.username);
      await page.getByLabel('Password').fill(who.password);
      await page.getByRole('button', { name: 'Sign up' }).click();
      await page.getByText('Welcome to Mosaic').waitFor({ timeout: 20_000 });
      return { context, page };
    },
    /** The page as it looks once its images have loaded and faded in over their placeholders. */
    async shoot(page, name) {
      await page.waitForFunction(() => [...document.images].every((img) => img.complete));
      await page.waitForTimeout(400);
      await page.screenshot({ path: `${shots}/${name}.png` });
    },
    close: () => browser.close(),
  };
}

/** A photo to post, drawn by the browser itself: a disc of `disc` on a `background`, captured as a PNG. */
export async function photo(page, name, background, disc, size = 800) {
  const scratch = await page.context().newPage();
  await scratch.setViewportSize({ width: size, height: size });
  await scratch.setContent(`<body style="margin:0;background:${background}">
    <div style="position:absolute;left:${size / 4}px;top:${size / 4}px;width:${size / 2}px;height:${size / 2}px;border-radius:50%;background:${disc}"></div></body>`);
  const buffer = await scratch.screenshot({ type: 'png' });
  await scratch.close();
  return { name, mimeType: 'image/png', buffer };
}
