/** The claims the app shows: who is signed in. The gateway and the services verify the token; this only reads it. */
export type Identity = { id: string; username: string };

export function identityOf(token: string): Identity {
  const payload = token.split('.')[1];
  if (!payload) throw new Error('not a JWT');
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='));
  const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as Record<string, unknown>;
  return { id: String(claims.sub), username: String(claims.preferred_username ?? '') };
}
