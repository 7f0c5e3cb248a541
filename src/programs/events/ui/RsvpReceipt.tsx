import { useEffect, useRef } from 'react';
import type { RsvpReceipt } from './api.js';
import { useEventsI18n } from './i18n.js';

/** After an RSVP: confirmed or on the wait list, and the private cancel link to keep. */
export function RsvpReceiptPanel({ receipt }: { receipt: RsvpReceipt }) {
  const { e } = useEventsI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const link = `${window.location.origin}/events/rsvp#${receipt.cancelToken}`;
  // The form is replaced: move focus to the answer so keyboard and screen-reader users land on it.
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="usa-alert usa-alert--success" data-testid="rsvp-receipt" data-status={receipt.status}>
      <div className="usa-alert__body">
        <h3 className="usa-alert__heading" tabIndex={-1} ref={heading}>
          {receipt.status === 'confirmed' ? e('receipt.confirmed') : e('receipt.waitlisted', { position: receipt.position ?? 1 })}
        </h3>
        <p className="usa-alert__text">{receipt.status === 'confirmed' ? e('receipt.confirmedBody') : e('receipt.waitlistedBody')}</p>
        <p className="usa-alert__text"><strong>{e('receipt.keepLink')}</strong></p>
        <label className="usa-label" htmlFor="rsvp-cancel-link">{e('receipt.cancelLinkLabel')}</label>
        <input className="usa-input bridges-events__feed-url" id="rsvp-cancel-link" readOnly value={link} onFocus={(ev) => ev.target.select()} data-testid="rsvp-cancel-link" />
        <p className="usa-alert__text"><a href={link}>{e('receipt.openCancel')}</a></p>
      </div>
    </div>
  );
}
