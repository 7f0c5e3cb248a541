/** Frame of the volunteers console pages: the permission check and the program's own sub-navigation. */
import type { ReactNode } from 'react';
import { Link, usePath } from '../../../web/router.js';
import { ConsoleLayout } from '../../../web/console/ConsoleLayout.js';
import { useVolunteersI18n } from './i18n.js';
import './volunteers.css';

export const VOLUNTEERS_PERMISSION = 'volunteers:manage';
export const CONSOLE_BASE = '/console/programs/volunteers';

const PAGES = [
  { href: CONSOLE_BASE, key: 'applicants' },
  { href: `${CONSOLE_BASE}/shifts`, key: 'shifts' },
  { href: `${CONSOLE_BASE}/hours`, key: 'hours' },
  { href: `${CONSOLE_BASE}/programs`, key: 'programs' },
] as const;

export function ConsoleFrame({ children }: { children: ReactNode }) {
  return (
    <ConsoleLayout permission={VOLUNTEERS_PERMISSION}>
      <SubNav />
      {children}
    </ConsoleLayout>
  );
}

function SubNav() {
  const { v } = useVolunteersI18n();
  const path = usePath();
  return (
    <nav aria-label={v('console.subnav')}>
      <ul className="bridges-subnav">
        {PAGES.map((page) => {
          const current = page.href === CONSOLE_BASE ? path === CONSOLE_BASE || path.startsWith(`${CONSOLE_BASE}/applicants`) : path.startsWith(page.href);
          return (
            <li key={page.key}>
              <Link href={page.href} aria-current={current ? 'page' : undefined}>{v(`console.tabs.${page.key}`)}</Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
