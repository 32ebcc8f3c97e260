// The typed API clients, one per service, all on the gateway's origin. Types come from the services' OpenAPI
// documents (npm run api): an API change is a type error here. The access token lives in memory only.
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths as AuthPaths } from './schema/auth';
import type { paths as UserPaths, components as UserComponents } from './schema/user';
import type { paths as PostPaths, components as PostComponents } from './schema/post';
import type { paths as FeedPaths, components as FeedComponents } from './schema/feed';
import type { paths as MediaPaths, components as MediaComponents } from './schema/media';
import type { paths as NotificationPaths, components as NotificationComponents } from './schema/notification';
import type { paths as ChatPaths, components as ChatComponents } from './schema/chat';

export type Post = PostComponents['schemas']['PostView'];
export type Media = PostComponents['schemas']['MediaView'];
export type Comment = PostComponents['schemas']['CommentView'];
export type Collection = PostComponents['schemas']['CollectionView'];
export type Suggestion = UserComponents['schemas']['SuggestionView'];
export type Profile = UserComponents['schemas']['ProfileView'];
export type OwnProfile = UserComponents['schemas']['OwnProfileView'];
export type UserSummary = UserComponents['schemas']['UserSummary'];
export type UploadedMedia = MediaComponents['schemas']['MediaView'];
export type TrendingTag = FeedComponents['schemas']['TrendingTag'];
export type Notification = NotificationComponents['schemas']['NotificationView'];
export type Conversation = ChatComponents['schemas']['ConversationView'];
/** chat-service's document leaves a shared post untyped: it is post-service's post view. */
export type Message = Omit<ChatComponents['schemas']['MessageView'], 'post'> & { post?: Post };

/** problem+json, as every service answers errors. */
export type Problem = { title?: string; status?: number; detail?: string; errors?: { field?: string; message?: string }[] };

let accessToken: string | null = null;
let onUnauthorized: () => Promise<boolean> = async () => false;

export function setAccessToken(token: string | null) {
  accessToken = token;
}

/** The access token for what openapi-fetch does not carry: uploads with progress, the event stream, the socket. */
export function currentAccessToken(): string | null {
  return accessToken;
}

/**
 * Called when the API answers 401 to a signed-in request: the handler refreshes the session once (the token may
 * have expired while the tab slept) and answers whether that worked; if it did the request is sent again.
 */
export function whenUnauthorized(handler: () => Promise<boolean>) {
  onUnauthorized = handler;
}

/** Refreshes the session once more (for the event stream and the socket, which openapi-fetch does not carry). */
export function renewSession(): Promise<boolean> {
  return onUnauthorized();
}

/** Each request as it was before it was sent, so that it can be sent again after a refresh. */
const originals = new WeakMap<Request, Request>();

const bearer: Middleware = {
  onRequest({ request }) {
    if (accessToken) request.headers.set('Authorization', `Bearer ${accessToken}`);
    originals.set(request, request.clone());
    return request;
  },
  async onResponse({ request, response }) {
    const sent = request.headers.get('Authorization');
    // auth-service's own answers are final: a refresh that is refused must not wait for itself
    if (response.status !== 401 || !sent || new URL(request.url).pathname.startsWith('/api/v1/auth/')) return response;
    const again = originals.get(request);
    if (!again || !(await onUnauthorized()) || `Bearer ${accessToken}` === sent) return response;
    again.headers.set('Authorization', `Bearer ${accessToken}`);
    return globalThis.fetch(again);
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
export const mediaApi = client<MediaPaths>();
export const notificationApi = client<NotificationPaths>();
export const chatApi = client<ChatPaths>();

/** The feed answers post-service's post views (its document leaves the items untyped). */
export type FeedPage = { items?: Post[]; nextCursor?: string; degraded?: boolean };

/** A page of anything, as every list answers. */
export type Page<T> = { items?: T[]; nextCursor?: string };

/** The answer's data, or the problem thrown, for TanStack Query's functions. */
export async function must<T>(call: Promise<{ data?: T; error?: unknown }>): Promise<T> {
  const { data, error } = await call;
  if (error !== undefined) throw error;
  return data as T;
}

export function problemMessage(error: unknown, fallback = 'Something went wrong. Try again.'): string {
  const problem = error as Problem | undefined;
  return problem?.detail ?? problem?.title ?? fallback;
}
