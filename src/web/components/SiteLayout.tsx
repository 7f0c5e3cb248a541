/**
 * The page frame shared by the portal and the console: skip link, header with primary navigation and the
 * language switcher, <main>, footer. USWDS classes give the look; the mobile menu is toggled here instead of
 * with the USWDS script so React stays the only thing changing the DOM.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import closeIcon from '@uswds/uswds/img/usa-icons/close.svg';
import { Link, usePath } from '../router.js';
import { useT } from '../i18n/index.js';
import { LanguageSwitcher } from './LanguageSwitcher.js';
import { SiteFooter } from './SiteFooter.js';

export interface NavItem {
  href: string;
  label: string;
}

export interface SiteLayoutProps {
  nav: NavItem[];
  /** Label of the primary navigation landmark (the portal and the console have different ones). */
  navLabel: string;
  /** The signed-in user and sign-out, shown in the top bar beside the language switcher. */
  account?: ReactNode;
  /** Wide pages (the incidents map) use the full window width. */
  wide?: boolean;
  children: ReactNode;
}

export function SiteLayout({ nav, navLabel, account, wide, children }: SiteLayoutProps) {
  const t = useT();
  const path = usePath();
  const [menuOpen, setMenuOpen] = useState(false);
  // Beyond a handful of entries (an administrator's console, the portal with every program) the links do not
  // fit beside the logo: they go on a row of their own under it and wrap, instead of running into the logo.
  const stacked = nav.length > 7;

  const closeButton = useRef<HTMLButtonElement>(null);
  const menuButton = useRef<HTMLButtonElement>(null);

  // Following a link closes the mobile menu.
  useEffect(() => setMenuOpen(false), [path]);

  // An open menu takes the focus and closes with Escape, returning the focus to the menu button.
  useEffect(() => {
    if (!menuOpen) return;
    closeButton.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setMenuOpen(false);
      menuButton.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  return (
    <>
      <a className="usa-skipnav" href="#main-content">
        {t('layout.skipToContent')}
      </a>
      <header className={`usa-header usa-header--basic bridges-header${wide ? ' bridges-header--wide' : ''}${stacked ? ' bridges-header--stacked' : ''}`}>
        <div className="bridges-topbar">
          <div className="bridges-topbar__inner">
            <span className="bridges-topbar__tagline">{t('layout.tagline')}</span>
            <div className="bridges-topbar__end">
              {account}
              <LanguageSwitcher />
            </div>
          </div>
        </div>
        <div className="usa-nav-container">
          <div className="usa-navbar">
            <div className="usa-logo">
              <em className="usa-logo__text">
                <Link href="/" title={t('layout.homeTitle')}>
                  Bridges
                </Link>
              </em>
            </div>
            <button type="button" className="usa-menu-btn" ref={menuButton} aria-expanded={menuOpen} onClick={() => setMenuOpen(true)}>
              {t('layout.menu')}
            </button>
          </div>
          <nav aria-label={navLabel} className={`usa-nav${menuOpen ? ' is-visible' : ''}`}>
            <button type="button" className="usa-nav__close" ref={closeButton} onClick={() => setMenuOpen(false)}>
              <img src={closeIcon} role="img" alt={t('layout.closeMenu')} />
            </button>
            <ul className="usa-nav__primary usa-accordion">
              {nav.map((item) => {
                const current = path === item.href || (item.href !== '/' && path.startsWith(`${item.href}/`));
                return (
                  <li className="usa-nav__primary-item" key={item.href}>
                    <Link href={item.href} className={`usa-nav-link${current ? ' usa-current' : ''}`} aria-current={current ? 'page' : undefined}>
                      <span>{item.label}</span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
        </div>
      </header>
      <div className={`usa-overlay${menuOpen ? ' is-visible' : ''}`} onClick={() => setMenuOpen(false)} />
      <main id="main-content" tabIndex={-1} className={wide ? 'bridges-main bridges-main--wide' : 'bridges-main grid-container'}>
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
