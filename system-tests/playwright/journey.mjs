// Two new people in the web app, in two Chromium contexts, everything through the gateway as a person clicks it:
// both sign up; Bea follows Ari from his profile; Ari posts a photo with a filter; Bea sees it in her feed, likes
// it with a double tap and comments; Ari's notifications arrive live; Ari answers in a direct message that reaches
// Bea's open conversation live. Then the session: the httpOnly cookie, reloads, dark mode, sign out and in again.
// Screenshots of the main screens, phone and desktop, light and dark, land in the directory given.
//   node journey.mjs <gateway> <screenshots dir>
import { LIVE, desktop, newPerson, openBrowser, phone, photo } from './browser.mjs';

const [gateway, shots] = process.argv.slice(2);
const step = (what) => console.log(`step: ${what}`);
const ari = newPerson('ari', 'Ari Lisboa');
const bea = newPerson('bea', 'Bea Porto');
const id = ari.id;
const { failures, signUp: person, shoot, close } = await openBrowser(gateway, shots);

async function dark(page, on) {
  await page.evaluate((on) => { localStorage.setItem('mosaic-theme', on ? 'dark' : 'light'); document.documentElement.classList.toggle('dark', on); }, on);
}

try {
  const a = await person(ari, desktop);
  const b = await person(bea, phone);
  step('Ari (desktop) and Bea (phone) signed up: each an empty feed that suggests people');
  await shoot(b.page, 'feed-empty-phone-light');

  const cookies = await b.context.cookies();
  const session = cookies.find((c) => c.name === 'mosaic_refresh');
  if (!session?.httpOnly || session.sameSite !== 'Strict') throw new Error(`the session cookie is not httpOnly and strict: ${JSON.stringify(session)}`);
  if ((await b.page.evaluate(() => document.cookie)).includes('mosaic_refresh')) throw new Error('a script can read the session cookie');
  step('the refresh token is an httpOnly, SameSite=Strict cookie no script reads');

  // Bea finds Ari by searching as she types, and follows him from his profile
  await b.page.getByRole('link', { name: 'Search' }).click();
  await b.page.getByRole('searchbox', { name: 'Search' }).fill(ari.username.slice(0, 6));
  await b.page.getByRole('link', { name: ari.username }).click();
  await b.page.getByRole('heading', { name: ari.username }).waitFor();
  await b.page.getByRole('button', { name: 'Follow', exact: true }).click();
  await b.page.getByRole('button', { name: 'Following' }).waitFor();
  step('Bea found Ari by search and follows him from his profile');

  // Ari's notifications show the follow live: the badge appears without a reload
  await a.page.getByLabel('1 unread notifications').waitFor({ timeout: LIVE });
  step('Ari\'s unread badge lit up live for the follow');

  // Ari posts a photo with the mono filter, a caption with a hashtag, and alt text
  await a.page.getByRole('link', { name: 'Create' }).click();
  await a.page.locator('input[type=file]').setInputFiles(await photo(a.page, 'river.png', 'linear-gradient(135deg,#f97316,#0ea5e9 60%,#22c55e)', '#fde047'));
  await a.page.getByRole('button', { name: '4:5' }).click();
  await a.page.getByRole('button', { name: 'Mono' }).click();
  await a.page.getByRole('img', { name: 'Preview, mono filter' }).waitFor();
  const grey = await a.page.getByRole('img', { name: 'Preview, mono filter' }).evaluate((canvas) => {
    const [r, g, b] = canvas.getContext('2d').getImageData(canvas.width / 2, canvas.height / 2, 1, 1).data;
    return r === g && g === b;
  });
  if (!grey) throw new Error('the mono filter does not show in the preview');
  await a.page.getByLabel('Alt text of photo 1').fill('A yellow sun over a striped river');
  await a.page.getByLabel('Caption').fill(`Evening on the river #mosaic${id}`);
  await shoot(a.page, 'create-desktop-light');
  await a.page.getByRole('button', { name: 'Share' }).click();
  await a.page.getByRole('article', { name: `Post by ${ari.username}` }).waitFor({ timeout: 30_000 });
  const postId = a.page.url().split('/p/')[1];
  step(`Ari shared a photo with the mono filter (post ${postId})`);

  // Bea sees it in her feed and likes it with a double tap, then comments on its page
  const article = b.page.getByRole('article', { name: `Post by ${ari.username}` });
  await b.page.getByRole('link', { name: 'Home' }).click();
  for (let tries = 0; !(await article.count()) && tries < 20; tries++) {
    await b.page.waitForTimeout(500);
    await b.page.reload();
  }
  await article.waitFor({ timeout: 5_000 });
  if ((await article.getByRole('img', { name: 'A yellow sun over a striped river' }).count()) !== 1) throw new Error('the alt text is not on the photo');
  const answered = b.page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/api/v1/posts/${postId}/like`));
  await article.getByRole('img').first().dblclick();
  await article.getByRole('button', { name: 'Unlike' }).waitFor();
  if ((await answered).status() !== 200) throw new Error(`the like was answered ${(await answered).status()}`);
  await article.getByText('1 like').waitFor();
  step('the photo is in Bea\'s feed, and a double tap liked it');
  await shoot(b.page, 'feed-phone-light');

  await article.getByRole('link', { name: /comments/ }).click();
  await b.page.getByLabel('Add a comment').fill('What a light! 🌅');
  await b.page.getByRole('button', { name: 'Post', exact: true }).click();
  await b.page.getByRole('listitem', { name: `Comment by ${bea.username}` }).waitFor();
  step('Bea commented on the post');
  await shoot(b.page, 'post-phone-light');

  // Ari, on his notifications, sees the like and the comment arrive without reloading
  await a.page.getByRole('link', { name: 'Notifications' }).click();
  const activity = a.page.getByRole('list', { name: 'Activity' });
  await activity.getByText('liked your post.').waitFor({ timeout: LIVE });
  await activity.getByText('commented: What a light! 🌅').waitFor({ timeout: LIVE });
  await activity.getByText('started following you.').waitFor({ timeout: LIVE });
  step('Ari\'s notifications list the follow, the like and the comment, live');
  await shoot(a.page, 'notifications-desktop-light');

  // Bea opens a conversation with Ari and waits in it; Ari answers from Bea's profile, and it arrives live
  await b.page.goto(`${gateway}/u/${ari.username}`);
  await b.page.getByRole('button', { name: 'Message' }).click();
  await b.page.getByRole('region', { name: `Conversation with ${ari.username}` }).waitFor();
  await b.page.getByLabel('Message', { exact: true }).fill('Where was that taken?');
  await b.page.getByRole('button', { name: 'Send' }).click();
  await b.page.getByRole('list', { name: 'Messages' }).getByText('Where was that taken?').waitFor();

  await a.page.getByLabel('1 new messages').waitFor({ timeout: LIVE });
  // Ari does not follow Bea: her message is a request, and answering it accepts it
  await a.page.getByRole('link', { name: 'Messages' }).click();
  await a.page.getByRole('link', { name: 'Requests' }).click();
  await a.page.getByRole('link', { name: new RegExp(bea.username) }).click();
  await a.page.getByText(`${bea.username} wants to send you a message.`).waitFor();
  await a.page.getByRole('list', { name: 'Messages' }).getByText('Where was that taken?').waitFor();
  await a.page.getByLabel('Message', { exact: true }).fill('By the river in Lisbon, at sunset');
  await b.page.getByRole('status').getByText(`${ari.username} is typing…`).waitFor({ timeout: LIVE });
  step('Bea sees Ari typing');
  await a.page.getByRole('button', { name: 'Send' }).click();
  await b.page.getByRole('list', { name: 'Messages' }).getByText('By the river in Lisbon, at sunset').waitFor({ timeout: LIVE });
  await a.page.getByText('Seen').waitFor({ timeout: LIVE });
  step('Ari answered the request; it reached Bea\'s open conversation live, and Ari sees that she has seen it');
  await shoot(b.page, 'messages-phone-light');
  await shoot(a.page, 'messages-desktop-light');

  // the main screens in dark mode, and on the other size
  await dark(b.page, true);
  await b.page.goto(`${gateway}/`);
  await article.waitFor();
  await shoot(b.page, 'feed-phone-dark');
  await b.page.goto(`${gateway}/u/${ari.username}`);
  await b.page.getByRole('link', { name: /Post by/ }).first().waitFor();
  await shoot(b.page, 'profile-phone-dark');
  await dark(a.page, true);
  await a.page.goto(`${gateway}/p/${postId}`);
  await a.page.getByRole('listitem', { name: `Comment by ${bea.username}` }).waitFor();
  await shoot(a.page, 'post-desktop-dark');
  await a.page.goto(`${gateway}/u/${ari.username}`);
  await a.page.getByRole('link', { name: /Post by/ }).first().waitFor();
  await shoot(a.page, 'profile-desktop-dark');
  await dark(a.page, false);
  await a.page.reload();
  await a.page.getByRole('link', { name: /Post by/ }).first().waitFor();
  await shoot(a.page, 'profile-desktop-light');
  step('screenshots taken, light and dark, phone and desktop');

  // the session: dark mode is remembered, the cookie keeps Bea signed in across reloads, sign out ends it
  await b.page.goto(`${gateway}/settings`);
  await b.page.getByLabel('Dark').check();
  await b.page.reload();
  if (!(await b.page.evaluate(() => document.documentElement.classList.contains('dark')))) throw new Error('dark mode was not remembered');
  await b.page.getByRole('heading', { name: 'Settings' }).waitFor();
  step('dark mode is remembered, and a reload kept Bea signed in');

  await b.page.getByRole('button', { name: /Sign out/ }).click();
  await b.page.getByRole('button', { name: 'Sign in' }).waitFor();
  await b.page.reload();
  await b.page.getByRole('button', { name: 'Sign in' }).waitFor();
  step('signed out, and a reload does not sign back in');

  await b.page.getByLabel('Username or e-mail').fill(bea.email);
  await b.page.getByLabel('Password').fill(bea.password);
  await b.page.getByRole('button', { name: 'Sign in' }).click();
  await article.waitFor({ timeout: 20_000 });
  step('signed in again with the e-mail address');

  if (failures.length) throw new Error(`errors in the page: ${failures.join('; ')}`);
  console.log('journey passed');
} finally {
  await close();
}
