// What reaches a signed-in person as it happens: the notification stream (SSE) and the chat socket (WebSocket),
// each opened once for the whole app and reopened after a drop or a renewed token.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { currentAccessToken, renewSession, type Message, type Notification } from '../api/client';
import { followStream } from './sse';

/** A frame of /ws/chat (see the API reference). */
export type ChatFrame =
  | { type: 'ready'; userId: string }
  | { type: 'message'; conversationId: string; message: Message; request?: boolean }
  | { type: 'read'; conversationId: string; userId: string; upToMessageId: string; readAt: string }
  | { type: 'typing'; conversationId: string; userId: string; username: string }
  | { type: 'reaction'; conversationId: string; messageId: string; userId: string; emoji: string | null }
  | { type: 'unsent'; conversationId: string; messageId: string }
  | { type: 'error'; detail: string };

type Live = {
  unreadNotifications: number;
  /** Direct messages that arrived since the inbox was last looked at. */
  newMessages: number;
  seenMessages(): void;
  onChat(listener: (frame: ChatFrame) => void): () => void;
  typing(conversationId: string): void;
  connected: boolean;
};

const LiveContext = createContext<Live | null>(null);

export function LiveProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [unreadNotifications, setUnread] = useState(0);
  const [newMessages, setNewMessages] = useState(0);
  const [connected, setConnected] = useState(false);
  const listeners = useRef(new Set<(frame: ChatFrame) => void>());
  const socket = useRef<WebSocket | null>(null);

  useEffect(() => {
    const stop = new AbortController();
    void followStream('/api/v1/notifications/stream', currentAccessToken, ({ event, data }) => {
      const body = JSON.parse(data) as { count?: number; id?: string; request?: boolean } & Notification;
      if (event === 'unread') setUnread(body.count ?? 0);
      else if (event === 'notification' || event === 'removed') void queryClient.invalidateQueries({ queryKey: ['notifications'] });
      else if (event === 'message') {
        setNewMessages((n) => n + 1);
        void queryClient.invalidateQueries({ queryKey: ['conversations'] });
      }
    }, stop.signal, renewSession);
    return () => stop.abort();
  }, [queryClient]);

  useEffect(() => {
    let closed = false;
    let pause = 1000;
    let retry: ReturnType<typeof setTimeout> | undefined;
    function open() {
      const token = currentAccessToken();
      if (!token || closed) return;
      const url = `${location.origin.replace(/^http/, 'ws')}/ws/chat`;
      // browsers cannot send headers on a WebSocket: the token rides as the second subprotocol
      const ws = new WebSocket(url, ['bearer', token]);
      socket.current = ws;
      ws.onmessage = (e) => {
        const frame = JSON.parse(String(e.data)) as ChatFrame;
        if (frame.type === 'ready') { pause = 1000; setConnected(true); }
        for (const listener of listeners.current) listener(frame);
      };
      ws.onclose = (e) => {
        setConnected(false);
        if (socket.current === ws) socket.current = null;
        if (closed) return;
        const again = () => { retry = setTimeout(open, pause); pause = Math.min(pause * 2, 30_000); };
        // 4401: the token expired or was refused; a renewed one opens the socket again
        if (e.code === 4401) void renewSession().then((ok) => { if (ok) again(); });
        else again();
      };
    }
    open();
    return () => {
      closed = true;
      clearTimeout(retry);
      socket.current?.close();
    };
  }, []);

  const onChat = useCallback((listener: (frame: ChatFrame) => void) => {
    listeners.current.add(listener);
    return () => { listeners.current.delete(listener); };
  }, []);
  const typing = useCallback((conversationId: string) => {
    if (socket.current?.readyState === WebSocket.OPEN) socket.current.send(JSON.stringify({ type: 'typing', conversationId }));
  }, []);
  const seenMessages = useCallback(() => setNewMessages(0), []);

  const live = useMemo(() => ({ unreadNotifications, newMessages, seenMessages, onChat, typing, connected }),
    [unreadNotifications, newMessages, seenMessages, onChat, typing, connected]);
  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}

export function useLive(): Live {
  const live = useContext(LiveContext);
  if (!live) throw new Error('useLive outside LiveProvider');
  return live;
}
