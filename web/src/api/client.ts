// The typed API clients, one per service, all on the gateway's origin. Types come from the services' OpenAPI
// documents (npm run api): an API change is a type error here. The access token lives in memory only.
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths as AuthPaths } from './schema/auth';
import type { paths as UserPaths, components as UserComponents } from './schema/user';
import type { paths as PostPaths, components as PostComponents } from './schema/post';
import type { paths as FeedPaths } from './schema/feed';

export type Post = PostComponents['schemas']['PostView'];
export type Media = PostComponents['schemas']['MediaView'];
export type Suggestion = UserComponents['schemas']['SuggestionView'];

/** problem+json, as every service answers errors. */
export type Problem = { title?: string; status?: number; detail?: string; errors?: { field?: string; message?: string }[] };

let accessToken: string | null = null;
let onUnauthorized: () => void = () => {};

export function setAccessToken(token: string | null) {
  accessToken = token;
}

/** Called when the API answers 401 to a signed-in request: the session has ended (revoked, expired). */
export function whenUnauthorized(handler: () => void) {
  onUnauthorized = handler;
}

const bearer: Middleware = {
  onRequest({ request }) {
    if (accessToken) request.headers.set('Authorization', `Bearer ${accessToken}`);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && request.headers.has('Authorization')) onUnauthorized();
    return response;
  },
};

/** The page's own origin: the gateway serves the app, and npm run dev proxies to it. */
const baseUrl = typeof location === 'undefined' ? '' : location.origin;

function client<P extends object>() {
  // fetch looked up at each call, not captured once: tests put their own in place
  const c = createClient<P>({ baseUrl, credentials: 'same-origin', fetch: (request) => globalThis.fetch(request) });
  c.use(bearer);
  return c;
}

export const authApi = client<AuthPaths>();
export const userApi = client<UserPaths>();
export const postApi = client<PostPaths>();
export const feedApi = client<FeedPaths>();

/** The feed answers post-service's post views (its document leaves the items untyped). */
export type FeedPage = { items?: Post[]; nextCursor?: string; degraded?: boolean };

export function problemMessage(error: unknown, fallback = 'Something went wrong. Try again.'): string {
  const problem = error as Problem | undefined;
  return problem?.detail ?? problem?.title ?? fallback;
}
