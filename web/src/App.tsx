import { useState, type ReactNode } from 'react';
import { BrowserRouter, Navigate, NavLink, Route, Routes } from 'react-router';
import { useSession } from './auth/session';
import { BookmarkIcon, CreateIcon, ExploreIcon, HeartIcon, HomeIcon, SearchIcon, SendIcon, SettingsIcon } from './components/Icons';
import { LiveProvider, useLive } from './live/Live';
import { effectiveTheme, toggleTheme } from './lib/theme';
import { ConversationScreen } from './screens/Conversation';
import { Create } from './screens/Create';
import { EditProfile } from './screens/EditProfile';
import { Explore, PlacePage, Tag } from './screens/Explore';
import { Feed } from './screens/Feed';
import { FollowRequests } from './screens/FollowRequests';
import { ForgotPassword } from './screens/ForgotPassword';
import { Messages } from './screens/Messages';
import { Notifications } from './screens/Notifications';
import { People } from './screens/People';
import { PostDetail } from './screens/PostDetail';
import { Profile } from './screens/Profile';
import { CollectionScreen, Saved } from './screens/Saved';
import { Search } from './screens/Search';
import { Settings } from './screens/Settings';
import { SignIn } from './screens/SignIn';
import { SignUp } from './screens/SignUp';
import { Avatar } from './components/Avatar';

export function App() {
  const { session } = useSession();
  if (session.status === 'loading') return <p className="p-6 text-center text-neutral-500">Mosaic</p>;
  return (
    <BrowserRouter>
      {session.status === 'signedOut' ? (
        <Routes>
          <Route path="/" element={<SignIn />} />
          <Route path="/sign-up" element={<SignUp />} />
          <Route path="/forgot-password" element={<ForgotPassword />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      ) : (
        <LiveProvider>
          <Shell>
            <Routes>
              <Route path="/" element={<Feed />} />
              <Route path="/explore" element={<Explore />} />
              <Route path="/search" element={<Search />} />
              <Route path="/create" element={<Create />} />
              <Route path="/notifications" element={<Notifications />} />
              <Route path="/messages" element={<Messages />} />
              <Route path="/messages/requests" element={<Messages requests />} />
              <Route path="/messages/:id" element={<ConversationScreen />} />
              <Route path="/p/:id" element={<PostDetail />} />
              <Route path="/tags/:tag" element={<Tag />} />
              <Route path="/places/:id" element={<PlacePage />} />
              <Route path="/saved" element={<Saved />} />
              <Route path="/saved/:id" element={<CollectionScreen />} />
              <Route path="/settings" element={<Settings />} />
              <Route path="/accounts/edit" element={<EditProfile />} />
              <Route path="/accounts/requests" element={<FollowRequests />} />
              <Route path="/u/:username" element={<Profile />} />
              <Route path="/u/:username/followers" element={<People which="followers" />} />
              <Route path="/u/:username/following" element={<People which="following" />} />
              <Route path="*" element={<Navigate to="/" replace />} />
            </Routes>
          </Shell>
        </LiveProvider>
      )}
    </BrowserRouter>
  );
}

function Badge({ count, label }: { count: number; label: string }) {
  if (count <= 0) return null;
  return <span aria-label={`${count} ${label}`} className="absolute -right-1 -top-1 min-w-4 rounded-full bg-red-500 px-1 text-center text-[10px] font-bold leading-4 text-white">{count > 99 ? '99+' : count}</span>;
}

/** Side navigation on a desktop, a bottom bar on a phone (where the less used places live on the profile and in settings). */
function Shell({ children }: { children: ReactNode }) {
  const { session, signOut } = useSession();
  const { unreadNotifications, newMessages } = useLive();
  const [theme, setTheme] = useState(effectiveTheme());
  const username = session.status === 'signedIn' ? session.identity.username : '';
  const item = ({ isActive }: { isActive: boolean }) =>
    `relative flex items-center gap-3 rounded px-3 py-2 hover:bg-neutral-100 dark:hover:bg-neutral-900 ${isActive ? 'font-bold' : ''}`;
  const desktop = 'hidden md:flex';
  const label = 'sr-only md:not-sr-only';
  const plain = 'relative flex items-center gap-3 rounded px-3 py-2 hover:bg-neutral-100 dark:hover:bg-neutral-900';
  return (
    <div className="md:flex">
      <a href="#main" className="sr-only focus:not-sr-only">Skip to content</a>
      <nav aria-label="Main" className="fixed inset-x-0 bottom-0 z-10 flex justify-around border-t border-neutral-200 bg-white p-1 dark:border-neutral-800 dark:bg-neutral-950 md:sticky md:top-0 md:h-screen md:w-60 md:flex-col md:justify-start md:border-r md:border-t-0 md:p-4">
        <span className="hidden px-3 py-4 text-2xl font-semibold italic md:block">Mosaic</span>
        <NavLink to="/" end className={item}><HomeIcon /> <span className={label}>Home</span></NavLink>
        <NavLink to="/search" className={item}><SearchIcon /> <span className={label}>Search</span></NavLink>
        <NavLink to="/explore" className={(s) => `${item(s)} ${desktop}`}><ExploreIcon /> <span className={label}>Explore</span></NavLink>
        <NavLink to="/create" className={item}><CreateIcon /> <span className={label}>Create</span></NavLink>
        <NavLink to="/notifications" className={item}><span className="relative"><HeartIcon /><Badge count={unreadNotifications} label="unread notifications" /></span> <span className={label}>Notifications</span></NavLink>
        <NavLink to="/messages" className={item}><span className="relative"><SendIcon /><Badge count={newMessages} label="new messages" /></span> <span className={label}>Messages</span></NavLink>
        <NavLink to="/saved" className={(s) => `${item(s)} ${desktop}`}><BookmarkIcon /> <span className={label}>Saved</span></NavLink>
        <NavLink to={`/u/${username}`} className={item}><Avatar username={username} size={6} /> <span className={label}>Profile</span></NavLink>
        <NavLink to="/settings" className={(s) => `${item(s)} ${desktop}`}><SettingsIcon /> <span className={label}>Settings</span></NavLink>
        <button type="button" className={`${plain} ${desktop} md:mt-auto`} onClick={() => setTheme(toggleTheme())}
          aria-pressed={theme === 'dark'}>{theme === 'dark' ? '☀' : '☾'} <span className={label}>Dark mode</span></button>
        <button type="button" className={`${plain} ${desktop}`} onClick={() => void signOut()}>⎋ <span className={label}>Sign out {username}</span></button>
      </nav>
      <main id="main" className="min-w-0 flex-1 pb-16 md:pb-0">{children}</main>
    </div>
  );
}
