// A new person's first minutes in the web app, in Chromium: sign up, find an empty feed that suggests people,
// follow someone (through the API, as the follow button's own test is the unit tests'), see their photo arrive,
// like it with a double tap, reload and still be signed in (the session cookie), switch to dark mode, sign out.
//   node journey.mjs <gateway> <author username> <post id> <screenshots dir>
import { chromium } from 'playwright-core';

const [gateway, author, postId, shots] = process.argv.slice(2);
const step = (what) => console.log(`step: ${what}`);
const id = Math.random().toString(36).slice(2, 10);
const me = { username: `web_${id}`, email: `web_${id}@example.com`, password: `pass-${id}-long` };

async function api(method, path, token, body) {
  const response = await fetch(gateway + path, {
    method, headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking'] });
try {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const failures = [];
  page.on('pageerror', (e) => failures.push(String(e)));

  await page.goto(gateway + '/');
  await page.getByRole('link', { name: 'Sign up' }).click();
  await page.getByLabel('E-mail').fill(me.email);
  await page.getByLabel('Full name').fill('Web Journey');
  await page.getByLabel('Username').fill(me.username);
  await page.getByLabel('Password').fill(me.password);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.getByText('Welcome to Mosaic').waitFor({ timeout: 20_000 });
  step('signed up: an empty feed that suggests people to follow');
  await page.screenshot({ path: `${shots}/feed-empty-phone-light.png` });

  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === 'mosaic_refresh');
  if (!session?.httpOnly || session.sameSite !== 'Strict') throw new Error(`the session cookie is not httpOnly and strict: ${JSON.stringify(session)}`);
  if ((await page.evaluate(() => document.cookie)).includes('mosaic_refresh')) throw new Error('a script can read the session cookie');
  step('the refresh token is an httpOnly, SameSite=Strict cookie no script reads');

  const { accessToken } = await api('POST', '/api/v1/auth/token', null, { login: me.username, password: me.password });
  await api('POST', `/api/v1/users/${author}/follow`, accessToken);
  const article = page.getByRole('article', { name: `Post by ${author}` });
  for (let tries = 0; !(await article.count()) && tries < 30; tries++) {
    await page.waitForTimeout(1000);
    await page.reload();
  }
  await article.waitFor({ timeout: 5_000 });
  step(`following ${author}: their photo is in the feed, after a reload that kept the session`);

  // the heart fills at once (optimistic); the API's answer is what the check below must wait for
  const answered = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/api/v1/posts/${postId}/like`));
  await article.getByRole('img').first().dblclick();
  await article.getByRole('button', { name: 'Unlike' }).waitFor();
  if ((await answered).status() !== 200) throw new Error(`the like was answered ${(await answered).status()}`);
  await article.getByText('1 like').waitFor();
  const post = await api('GET', `/api/v1/posts/${postId}`, accessToken);
  if (!post.viewer?.liked || post.likeCount !== 1) throw new Error(`the like did not reach the API: ${JSON.stringify(post)}`);
  step('a double tap liked it, and the API says so');
  await page.screenshot({ path: `${shots}/feed-phone-light.png` });

  await page.getByRole('button', { name: 'Dark mode' }).click();
  if (!(await page.evaluate(() => document.documentElement.classList.contains('dark')))) throw new Error('dark mode did not apply');
  await page.reload();
  await article.waitFor();
  if (!(await page.evaluate(() => document.documentElement.classList.contains('dark')))) throw new Error('dark mode was not remembered');
  step('dark mode applies and is remembered across a reload');
  await page.screenshot({ path: `${shots}/feed-phone-dark.png` });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${shots}/feed-desktop-dark.png` });

  await page.getByRole('button', { name: /Sign out/ }).click();
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
  await page.reload();
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
  step('signed out, and a reload does not sign back in');

  await page.getByLabel('Username or e-mail').fill(me.email);
  await page.getByLabel('Password').fill(me.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await article.waitFor({ timeout: 20_000 });
  step('signed in again with the e-mail address');

  if (failures.length) throw new Error(`errors in the page: ${failures.join('; ')}`);
  console.log('journey passed');
} finally {
  await browser.close();
}
