import { useEffect } from 'react';
import { NavLink, Outlet } from 'react-router';
import { navigation } from '../../../routes';
import { rememberScope, scopedPath, useScope } from '../../../scope';
import { useSession } from '../../session/session';
import { ScopeSwitcher } from '../ScopeSwitcher/ScopeSwitcher';

/** Every signed-in page: the header with the switchers and navigation, then the page. */
export function Layout() {
  const scope = useScope();
  const { project, environment } = scope;
  const { session, signOut } = useSession();
  useEffect(() => rememberScope({ project, environment }), [project, environment]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top-bar">
        <span className="brand">
          <span className="logo" aria-hidden="true" /> Dial
        </span>
        <ScopeSwitcher />
        <nav aria-label="Main">
          <ul>
            {navigation.map((route) => (
              <li key={route.path}>
                <NavLink to={scopedPath(scope, route.path)}>{route.title}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <span className="who" title={session.token.hint}>
          {session.token.name}
        </span>
        <button type="button" onClick={() => void signOut()}>
          Sign out
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
