/** The reward board: decide proposed rewards, and record payouts by tip number and collection code. */
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../web/i18n/index.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert, Loading, SuccessAlert } from '../../../web/components/Alerts.js';
import { useSession } from '../../../web/console/session.js';
import { Link } from '../../../web/router.js';
import { money, tipsApi, type BoardItem } from './api.js';
import { TIPS_PAGE } from './paths.js';

export function RewardsBoard() {
  const { t } = useI18n();
  const session = useSession();
  return (
    <>
      {session.can('tips:reward_approve') && <Proposals />}
      {session.can('tips:reward_pay') && <Payout />}
      {!session.can('tips:reward_approve') && !session.can('tips:reward_pay') && <p>{t('programs.tips.board.none')}</p>}
    </>
  );
}

function Proposals() {
  const { t, locale } = useI18n();
  const board = useAsync(() => tipsApi.rewards('proposed'), []);
  return (
    <section aria-labelledby="board-heading">
      <h2 id="board-heading">{t('programs.tips.board.heading')}</h2>
      <ErrorAlert error={board.error} />
      {board.loading && !board.data && <Loading />}
      {board.data?.length === 0 && <p>{t('programs.tips.board.empty')}</p>}
      <ul className="usa-list usa-list--unstyled" data-testid="reward-board">
        {board.data?.map((item) => <Proposal key={item.rewardId} item={item} locale={locale} onDecided={board.reload} />)}
      </ul>
    </section>
  );
}

function Proposal({ item, locale, onDecided }: { item: BoardItem; locale: string; onDecided(): void }) {
  const { t, formatDate } = useI18n();
  const [amount, setAmount] = useState(item.proposedCents ? String(item.proposedCents / 100) : '');
  const [note, setNote] = useState('');
  const [error, setError] = useState<Error>();
  const decide = async (decision: 'approve' | 'reject') => {
    setError(undefined);
    try {
      await tipsApi.decide(item.rewardId, { decision, amountCents: decision === 'approve' ? Math.round(Number(amount) * 100) : undefined, note: note || undefined });
      onDecided();
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <li className="bridges-tips__action" data-testid={`proposal-${item.tipNumber}`}>
      <p>
        <Link href={`${TIPS_PAGE}?tip=${item.tipId}`}>{item.tipNumber}</Link> · {t('programs.tips.board.proposedBy', { name: item.proposedBy, date: formatDate(item.proposedAt) })}
        {item.proposedCents ? ` · ${money(item.proposedCents, locale)}` : ''}
      </p>
      <p>{item.reason}</p>
      <ErrorAlert error={error} />
      <label className="usa-label" htmlFor={`amount-${item.rewardId}`}>{t('programs.tips.actions.amount')}</label>
      <input className="usa-input" id={`amount-${item.rewardId}`} type="number" min="1" step="1" value={amount} onChange={(e) => setAmount(e.target.value)} />
      <label className="usa-label" htmlFor={`note-${item.rewardId}`}>{t('programs.tips.board.note')}</label>
      <input className="usa-input" id={`note-${item.rewardId}`} value={note} onChange={(e) => setNote(e.target.value)} />
      <div className="usa-button-group margin-top-1">
        <button type="button" className="usa-button" disabled={!amount} onClick={() => void decide('approve')}>{t('programs.tips.board.approve')}</button>
        <button type="button" className="usa-button usa-button--secondary" onClick={() => void decide('reject')}>{t('programs.tips.board.reject')}</button>
      </div>
    </li>
  );
}

function Payout() {
  const { t } = useI18n();
  const [tipNumber, setTipNumber] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<Error>();
  const [done, setDone] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setDone(false);
    try {
      await tipsApi.pay(tipNumber, code);
      setDone(true);
      setTipNumber('');
      setCode('');
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <form className="usa-form margin-top-4" onSubmit={submit} aria-labelledby="payout-heading" data-testid="reward-payout">
      <h2 id="payout-heading">{t('programs.tips.board.payout')}</h2>
      <p className="usa-hint">{t('programs.tips.board.payoutHint')}</p>
      <ErrorAlert error={error} />
      {done && <SuccessAlert>{t('programs.tips.board.paid')}</SuccessAlert>}
      <label className="usa-label" htmlFor="payout-number">{t('programs.tips.followUp.number')}</label>
      <input className="usa-input" id="payout-number" required value={tipNumber} onChange={(e) => setTipNumber(e.target.value)} />
      <label className="usa-label" htmlFor="payout-code">{t('programs.tips.reward.code')}</label>
      <input className="usa-input" id="payout-code" required autoComplete="off" value={code} onChange={(e) => setCode(e.target.value)} />
      <button className="usa-button margin-top-1" type="submit">{t('programs.tips.board.recordPayout')}</button>
    </form>
  );
}
