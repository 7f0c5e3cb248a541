import { useEffect, useRef } from 'react';
import { useWatchI18n } from './i18n.js';

/** After a request: what happens next, and the private link that withdraws it or, later, leaves the group. */
export function RequestReceipt({ token, kind }: { token: string; kind: 'join' | 'start' }) {
  const { w } = useWatchI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const link = `${window.location.origin}/watch/leave#${token}`;
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="usa-alert usa-alert--success" data-testid="watch-receipt">
      <div className="usa-alert__body">
        <h2 className="usa-alert__heading" tabIndex={-1} ref={heading}>{w(`receipt.${kind}Title`)}</h2>
        <p className="usa-alert__text">{w(`receipt.${kind}Body`)}</p>
        <p className="usa-alert__text"><strong>{w('receipt.keepLink')}</strong></p>
        <label className="usa-label" htmlFor="watch-leave-link">{w('receipt.linkLabel')}</label>
        <input className="usa-input bridges-watch__link" id="watch-leave-link" readOnly value={link} onFocus={(e) => e.target.select()} data-testid="watch-leave-link" />
      </div>
    </div>
  );
}
