// The screens the first journey does not cross, in Chromium through the gateway, as a person clicks them:
// Cleo gives herself a picture and a bio and turns private; Dan asks to follow and she approves the request.
// Dan posts a carousel of two photos at a new place, with a hashtag and a mention; Cleo is told she was mentioned,
// finds the post by its hashtag and its place, steps through the carousel, saves it into a new collection and
// sends it to Dan in a message. Settings: a notification type turned off stays off, a changed password signs in.
// Dan blocks Cleo and she can no longer see his page; then he deletes his account.
//   node screens.mjs <gateway> <screenshots dir>
import { LIVE, desktop, newPerson, openBrowser, phone, photo } from './browser.mjs';

const [gateway, shots] = process.argv.slice(2);
const step = (what) => console.log(`step: ${what}`);
const cleo = newPerson('cleo', 'Cleo Faro');
const dan = newPerson('dan', 'Dan Braga');
const id = cleo.id;
const { failures, signUp, shoot, close } = await openBrowser(gateway, shots);
const sky = 'linear-gradient(45deg,#1e3a8a,#f472b6)';

/** Reloads until `locator` shows: what events carry to another service arrives within moments, not at once. */
async function eventually(page, locator, what) {
  for (let tries = 0; tries < 20; tries++) {
    if (await locator.count()) return;
    await page.waitForTimeout(500);
    await page.reload();
  }
  await locator.first().waitFor({ timeout: 2_000 }).catch(() => { throw new Error(`never saw ${what}`); });
}

try {
  const { page: c } = await signUp(cleo, desktop);
  const { page: d } = await signUp(dan, phone);
  step('Cleo (desktop) and Dan (phone) signed up');

  // Cleo: a profile photo, a bio, a website, private
  await c.getByRole('link', { name: 'Profile' }).click();
  await c.getByRole('link', { name: 'Edit profile' }).click();
  const picked = c.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/media'));
  await c.getByLabel('Change profile photo').setInputFiles(await photo(c, 'me.png', sky, '#facc15', 600));
  if ((await picked).status() !== 201) throw new Error(`the profile photo was answered ${(await picked).status()}`);
  await c.getByLabel('Bio').fill('Lighthouses and the sea');
  await c.getByLabel('Website').fill('https://cleo.example');
  await c.getByLabel('Private account').check();
  await c.getByRole('button', { name: 'Save' }).click();
  await c.getByRole('heading', { name: cleo.username }).waitFor();
  await c.getByText('Lighthouses and the sea').waitFor();
  await c.getByRole('link', { name: 'cleo.example' }).waitFor();
  const avatar = c.locator('main header img').first();
  await avatar.waitFor();
  await c.waitForFunction((img) => img.complete && img.naturalWidth > 0, await avatar.elementHandle());
  step('Cleo set a profile photo, a bio and a website, and made the account private');

  // Dan asks to follow; the private profile shows only the notice until Cleo approves
  await d.goto(`${gateway}/u/${cleo.username}`);
  await d.getByText('This account is private').waitFor();
  await d.getByRole('button', { name: 'Follow', exact: true }).click();
  await d.getByRole('button', { name: 'Requested' }).waitFor();
  await c.getByLabel('1 unread notifications').waitFor({ timeout: LIVE });
  await c.getByRole('link', { name: 'Follow requests' }).click();
  await c.getByRole('button', { name: 'Confirm' }).click();
  await c.getByText('No requests').waitFor();
  await d.reload();
  await d.getByRole('button', { name: 'Following' }).waitFor();
  await d.getByText('No posts yet').waitFor();
  step('Dan asked to follow the private account, Cleo confirmed, and Dan now sees her page');

  // Dan posts a carousel of two photos, the second rotated, at a new place, with a hashtag and a mention
  const tag = `lighthouse${id}`;
  const place = `Farol da Guia ${id}`;
  await d.getByRole('link', { name: 'Create' }).click();
  await d.locator('input[type=file]').setInputFiles([await photo(d, 'one.png', sky, '#22d3ee', 600), await photo(d, 'two.png', sky, '#f97316', 600)]);
  await d.getByRole('button', { name: 'Edit photo 2' }).click();
  await d.getByRole('button', { name: /Rotate/ }).click();
  await d.getByRole('button', { name: 'Vivid' }).click();
  await d.getByLabel('Alt text of photo 2').fill('An orange disc on a pink sky');
  await d.getByLabel('Caption').fill(`Two evenings #${tag} with @${cleo.username.slice(0, 6)}`);
  await d.getByRole('list', { name: 'Suggestions' }).getByRole('button', { name: new RegExp(cleo.username) }).click();
  await d.getByLabel('Add location').fill(place);
  await d.getByRole('button', { name: `Add “${place}”` }).click();
  await d.getByRole('button', { name: 'Share' }).click();
  const post = d.getByRole('article', { name: `Post by ${dan.username}` });
  await post.waitFor({ timeout: 30_000 });
  await post.getByRole('link', { name: place }).waitFor();
  await post.getByRole('link', { name: `@${cleo.username}` }).waitFor();
  step('Dan shared a carousel of two photos at a new place, mentioning Cleo, chosen from the suggestions');

  // Cleo is told she was mentioned, and opens the post from the notification
  await c.getByRole('link', { name: 'Notifications' }).click();
  await c.getByRole('list', { name: 'Activity' }).getByText('mentioned you in a post.').waitFor({ timeout: LIVE });
  await c.getByRole('list', { name: 'Activity' }).getByRole('link', { name: /mentioned you/ }).first().click();
  const seen = c.getByRole('article', { name: `Post by ${dan.username}` });
  await seen.getByLabel('Photo 1 of 2').waitFor();
  await seen.getByRole('button', { name: 'Next photo' }).click();
  await seen.getByLabel('Photo 2 of 2').waitFor();
  await seen.getByRole('img', { name: 'An orange disc on a pink sky' }).waitFor();
  step('Cleo was notified of the mention and stepped to the second photo of the carousel');

  // the hashtag and the place find the post
  await c.getByRole('link', { name: 'Search' }).click();
  await c.getByRole('searchbox', { name: 'Search' }).fill(`#${tag.slice(0, 12)}`);
  await c.getByRole('list', { name: 'Results' }).getByRole('link', { name: new RegExp(`#${tag}`) }).click();
  await c.getByRole('heading', { name: `#${tag}` }).waitFor();
  await eventually(c, c.getByRole('link', { name: /Post by/ }), 'the post on its hashtag page');
  await c.getByRole('link', { name: 'Search' }).click();
  await c.getByRole('tab', { name: 'Places' }).click();
  await c.getByRole('searchbox', { name: 'Search' }).fill(place.slice(0, 10));
  await c.getByRole('list', { name: 'Results' }).getByRole('link', { name: new RegExp(place) }).click();
  await c.getByRole('heading', { name: new RegExp(place) }).waitFor();
  await eventually(c, c.getByRole('link', { name: /Post by/ }), 'the post on its place page');
  await shoot(c, 'place-desktop-light');
  step('Cleo found the post by its hashtag and by its place, as she typed');
  await c.getByRole('link', { name: 'Explore' }).click();
  const onExplore = c.getByRole('link', { name: new RegExp(`Post by ${dan.username}`) });
  await eventually(c, onExplore, 'the post on explore');
  step('explore shows her the post of someone she does not follow');

  // saved into a new collection, then shared with Dan in a message; explore also holds other tests' posts
  await onExplore.first().click();
  await seen.getByRole('button', { name: 'Save', exact: true }).click();
  await seen.getByRole('button', { name: 'Remove from saved' }).waitFor();
  await c.getByRole('link', { name: 'Saved' }).click();
  await c.getByLabel('New collection').fill('Lighthouses');
  await c.getByRole('button', { name: 'Create', exact: true }).click();
  await c.getByRole('list', { name: 'Collections' }).getByRole('link', { name: /Lighthouses/ }).click();
  await c.getByRole('heading', { name: 'Lighthouses' }).waitFor();
  await c.getByRole('button', { name: 'Add from saved' }).click();
  await c.getByRole('list', { name: 'Saved posts to add' }).getByRole('button').first().click();
  await c.getByText('1 posts').waitFor();
  await shoot(c, 'collection-desktop-light');
  step('Cleo saved the post into a new collection');

  await c.getByRole('link', { name: /Post by/ }).first().click();
  await c.getByRole('button', { name: 'Post options' }).click();
  await c.getByRole('menuitem', { name: 'Send' }).click();
  const share = c.getByRole('dialog', { name: 'Share' });
  await share.getByLabel('To:').fill(dan.username);
  await share.getByRole('button', { name: new RegExp(dan.username) }).click();
  await share.getByRole('button', { name: 'Send' }).click();
  await share.getByText('Sent.').waitFor();
  await share.getByRole('button', { name: 'Close' }).click();
  await d.getByLabel('1 new messages').waitFor({ timeout: LIVE });
  await d.getByRole('link', { name: 'Messages' }).click();
  await d.getByRole('link', { name: new RegExp(cleo.username) }).click();
  await d.getByRole('list', { name: 'Messages' }).getByRole('link', { name: new RegExp(dan.username) }).waitFor();
  step('Cleo sent the post to Dan, who follows her: it is in his inbox, not his requests');

  // settings: a notification type off stays off; a new password signs in
  await c.getByRole('link', { name: 'Settings' }).click();
  const likes = c.getByRole('switch', { name: 'Likes', exact: true });
  await Promise.all([
    c.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith('/notifications/preferences')),
    likes.uncheck(),
  ]);
  await c.reload();
  // the switches are disabled until the saved preferences have loaded
  await c.getByRole('switch', { name: 'Likes', exact: true, disabled: false }).waitFor();
  if (await c.getByRole('switch', { name: 'Likes', exact: true }).isChecked()) throw new Error('the likes preference did not stay off');
  const renewed = `${cleo.password}-2`;
  const changePassword = c.getByRole('form', { name: 'Change password' });
  await changePassword.getByLabel('Current password').fill(cleo.password);
  await changePassword.getByLabel('New password').fill(renewed);
  await changePassword.getByRole('button', { name: 'Change password' }).click();
  await c.getByText('Your password was changed.').waitFor();
  await shoot(c, 'settings-desktop-light');
  await c.getByRole('button', { name: /Sign out/ }).first().click();
  await c.getByLabel('Username or e-mail').fill(cleo.username);
  await c.getByLabel('Password').fill(renewed);
  await c.getByRole('button', { name: 'Sign in' }).click();
  await c.getByRole('link', { name: 'Home' }).waitFor({ timeout: 20_000 });
  step('a notification type turned off stays off, and the changed password signs Cleo in');

  // Dan blocks Cleo from her profile's menu: his page is gone for her, as if it never was
  await d.goto(`${gateway}/u/${cleo.username}`);
  await d.getByRole('button', { name: 'Options' }).click();
  await d.getByRole('menuitem', { name: 'Block' }).click();
  await d.getByRole('button', { name: 'Unblock' }).first().waitFor();
  await c.goto(`${gateway}/u/${dan.username}`);
  await c.getByText("Sorry, this page isn't available.").waitFor();
  step('Dan blocked Cleo, and his page answers her as if it did not exist');

  // Dan deletes his account from settings (on a phone, through his profile): signed out, and gone for good
  await d.getByRole('link', { name: 'Profile' }).click();
  await d.getByRole('link', { name: 'Settings' }).click();
  const deletion = d.getByRole('form', { name: 'Delete account' });
  await deletion.getByLabel('Password').fill(dan.password);
  await deletion.getByRole('button', { name: 'Delete my account' }).click();
  await d.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: 20_000 });
  await d.getByLabel('Username or e-mail').fill(dan.username);
  await d.getByLabel('Password').fill(dan.password);
  await d.getByRole('button', { name: 'Sign in' }).click();
  await d.getByRole('alert').waitFor();
  step('Dan deleted his account: he is signed out and cannot sign in again');

  if (failures.length) throw new Error(`script errors in the page: ${failures.join('; ')}`);
  console.log('screens passed');
} finally {
  await close();
}
