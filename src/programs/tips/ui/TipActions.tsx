/** What a tip handler can do with a tip: each action a small form; every change lands on the timeline. */
import { useState, type FormEvent, type ReactNode } from 'react';
import { useI18n } from '../../../web/i18n/index.js';
import { ErrorAlert, SuccessAlert } from '../../../web/components/Alerts.js';
import { tipsApi, type TipDetail, type TipsMeta } from './api.js';

interface ActionProps {
  id: string;
  title: string;
  submitLabel: string;
  run(): Promise<string | void>;
  onChanged(): void;
  children: ReactNode;
}

/** One action: its form, its busy state, its error or confirmation. */
function Action({ id, title, submitLabel, run, onChanged, children }: ActionProps) {
  const [error, setError] = useState<Error>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      setDone((await run()) || undefined);
      onChanged();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="usa-form bridges-tips__action" onSubmit={submit} data-testid={`action-${id}`} aria-labelledby={`action-${id}-title`}>
      <h3 id={`action-${id}-title`} className="margin-bottom-0">{title}</h3>
      <ErrorAlert error={error} />
      {done && <SuccessAlert>{done}</SuccessAlert>}
      {children}
      <button className="usa-button margin-top-1" type="submit" disabled={busy}>{submitLabel}</button>
    </form>
  );
}

export interface TipActionsProps {
  tip: TipDetail;
  meta: TipsMeta;
  can(permission: string): boolean;
  onChanged(): void;
}

export function TipActions({ tip, meta, can, onChanged }: TipActionsProps) {
  const { t, pick } = useI18n();
  const next = meta.transitions.filter((tr) => tr.from === tip.state.code).map((tr) => meta.states.find((s) => s.code === tr.to)!);
  // The choice belongs to the state the tip was in when it was made: once the tip moves on, the allowed
  // next states change and the form starts from the first of them again. Derived during render, not reset
  // in an effect, so a choice made right after the tip reloads is never overwritten by a late reset.
  const [choice, setChoice] = useState<{ from: string; state: string; outcome: string }>({ from: tip.state.code, state: next[0]?.code ?? '', outcome: '' });
  const current = choice.from === tip.state.code ? choice : { from: tip.state.code, state: next[0]?.code ?? '', outcome: '' };
  const { state, outcome } = current;
  const setState = (value: string) => setChoice({ ...current, state: value });
  const setOutcome = (value: string) => setChoice({ ...current, outcome: value });
  const [stateNote, setStateNote] = useState('');
  const [priority, setPriority] = useState(tip.priority);
  const [assignee, setAssignee] = useState(String(tip.assignedTo?.id ?? ''));
  const [primary, setPrimary] = useState(String(tip.primaryUnit?.id ?? ''));
  const [copies, setCopies] = useState<number[]>(tip.copies.map((c) => c.id));
  const [partner, setPartner] = useState('');
  const [forwardNote, setForwardNote] = useState('');
  const [duplicateOf, setDuplicateOf] = useState(tip.duplicateOf?.number ?? '');
  const [prank, setPrank] = useState(tip.isPrank);
  const [note, setNote] = useState('');
  const [reply, setReply] = useState('');
  const [question, setQuestion] = useState(false);
  const [rewardReason, setRewardReason] = useState('');
  const [rewardAmount, setRewardAmount] = useState('');
  const closing = meta.states.find((s) => s.code === state)?.isClosed ?? false;
  const triage = can('tips:triage');
  const field = (id: string, label: string, control: ReactNode) => (<><label className="usa-label" htmlFor={id}>{label}</label>{control}</>);

  return (
    <section aria-labelledby="tip-actions-heading" className="bridges-tips__actions">
      <h2 id="tip-actions-heading">{t('programs.tips.actions.heading')}</h2>
      {triage && (
        <Action id="message" title={t('programs.tips.actions.message')} submitLabel={t('programs.tips.actions.send')} onChanged={onChanged}
          run={async () => {
            const delivery = await tipsApi.message(tip.id, reply, question);
            setReply('');
            return delivery.status === 'not_sent' ? t('programs.tips.actions.notDelivered') : t('programs.tips.actions.delivered');
          }}>
          {field('reply-body', t('programs.tips.actions.messageBody'), <textarea className="usa-textarea" id="reply-body" required maxLength={1500} value={reply} onChange={(e) => setReply(e.target.value)} />)}
          <div className="usa-checkbox"><input className="usa-checkbox__input" id="reply-question" type="checkbox" checked={question} onChange={(e) => setQuestion(e.target.checked)} />
            <label className="usa-checkbox__label" htmlFor="reply-question">{t('programs.tips.actions.isQuestion')}</label></div>
        </Action>
      )}
      {triage && next.length > 0 && (
        <Action id="state" title={t('programs.tips.actions.state')} submitLabel={t('programs.tips.actions.save')} onChanged={onChanged}
          run={() => tipsApi.state(tip.id, { state, outcome: closing ? outcome : undefined, note: stateNote || undefined }).then(() => undefined)}>
          {field('state-to', t('programs.tips.actions.moveTo'), <select className="usa-select" id="state-to" value={state} onChange={(e) => setState(e.target.value)}>
            {next.map((s) => <option key={s.code} value={s.code}>{pick(s.label)}</option>)}</select>)}
          {closing && field('state-outcome', t('programs.tips.actions.outcome'), <select className="usa-select" id="state-outcome" required value={outcome} onChange={(e) => setOutcome(e.target.value)}>
            <option value="">{t('programs.tips.form.choose')}</option>{meta.outcomes.map((o) => <option key={o.code} value={o.code}>{pick(o.label)}</option>)}</select>)}
          {field('state-note', t('programs.tips.actions.note'), <input className="usa-input" id="state-note" value={stateNote} onChange={(e) => setStateNote(e.target.value)} />)}
        </Action>
      )}
      {triage && (
        <Action id="priority" title={t('programs.tips.actions.priority')} submitLabel={t('programs.tips.actions.save')} onChanged={onChanged} run={() => tipsApi.priority(tip.id, priority).then(() => undefined)}>
          {field('priority-value', t('programs.tips.detail.priority'), <select className="usa-select" id="priority-value" value={priority} onChange={(e) => setPriority(e.target.value)}>
            {['urgent', 'high', 'normal', 'low'].map((p) => <option key={p} value={p}>{t(`programs.tips.priorities.${p}`)}</option>)}</select>)}
        </Action>
      )}
      {triage && (
        <Action id="assign" title={t('programs.tips.actions.assign')} submitLabel={t('programs.tips.actions.save')} onChanged={onChanged} run={() => tipsApi.assign(tip.id, assignee ? Number(assignee) : null).then(() => undefined)}>
          {field('assign-user', t('programs.tips.actions.handler'), <select className="usa-select" id="assign-user" value={assignee} onChange={(e) => setAssignee(e.target.value)}>
            <option value="">{t('programs.tips.actions.nobody')}</option>{meta.handlers.map((h) => <option key={h.id} value={h.id}>{h.name}</option>)}</select>)}
        </Action>
      )}
      {triage && (
        <Action id="route" title={t('programs.tips.actions.route')} submitLabel={t('programs.tips.actions.save')} onChanged={onChanged} run={() => tipsApi.route(tip.id, primary ? Number(primary) : null, copies).then(() => undefined)}>
          {field('route-primary', t('programs.tips.actions.primary'), <select className="usa-select" id="route-primary" value={primary} onChange={(e) => setPrimary(e.target.value)}>
            <option value="">{t('programs.tips.actions.nobody')}</option>{meta.units.map((u) => <option key={u.id} value={u.id}>{pick(u.label)}</option>)}</select>)}
          <fieldset className="usa-fieldset"><legend className="usa-legend">{t('programs.tips.actions.copies')}</legend>
            <div className="bridges-checkbox-grid">{meta.units.map((u) => (
              <div className="usa-checkbox" key={u.id}>
                <input className="usa-checkbox__input" id={`route-copy-${u.code}`} type="checkbox" checked={copies.includes(u.id)}
                  onChange={(e) => setCopies(e.target.checked ? [...copies, u.id] : copies.filter((c) => c !== u.id))} />
                <label className="usa-checkbox__label" htmlFor={`route-copy-${u.code}`}>{pick(u.label)}</label>
              </div>))}</div>
          </fieldset>
        </Action>
      )}
      {triage && (
        <Action id="forward" title={t('programs.tips.actions.forward')} submitLabel={t('programs.tips.actions.forwardButton')} onChanged={onChanged} run={() => tipsApi.forward(tip.id, Number(partner), forwardNote).then(() => undefined)}>
          {field('forward-agency', t('programs.tips.actions.agency'), <select className="usa-select" id="forward-agency" required value={partner} onChange={(e) => setPartner(e.target.value)}>
            <option value="">{t('programs.tips.form.choose')}</option>{meta.agencies.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}</select>)}
          {field('forward-note', t('programs.tips.actions.note'), <input className="usa-input" id="forward-note" value={forwardNote} onChange={(e) => setForwardNote(e.target.value)} />)}
        </Action>
      )}
      {triage && (
        <Action id="flags" title={t('programs.tips.actions.flags')} submitLabel={t('programs.tips.actions.save')} onChanged={onChanged} run={() => tipsApi.flags(tip.id, { duplicateOf: duplicateOf.trim() || null, prank }).then(() => undefined)}>
          {field('flag-duplicate', t('programs.tips.actions.duplicateOf'), <input className="usa-input" id="flag-duplicate" value={duplicateOf} onChange={(e) => setDuplicateOf(e.target.value)} />)}
          <div className="usa-checkbox"><input className="usa-checkbox__input" id="flag-prank" type="checkbox" checked={prank} onChange={(e) => setPrank(e.target.checked)} />
            <label className="usa-checkbox__label" htmlFor="flag-prank">{t('programs.tips.actions.prank')}</label></div>
        </Action>
      )}
      {triage && (
        <Action id="note" title={t('programs.tips.actions.internalNote')} submitLabel={t('programs.tips.actions.addNote')} onChanged={onChanged} run={async () => { await tipsApi.note(tip.id, note); setNote(''); }}>
          {field('note-body', t('programs.tips.actions.noteBody'), <textarea className="usa-textarea" id="note-body" required value={note} onChange={(e) => setNote(e.target.value)} />)}
        </Action>
      )}
      {triage && tip.sms?.status === 'open' && (
        <Action id="sms-end" title={t('programs.tips.actions.endSms')} submitLabel={t('programs.tips.actions.endSmsButton')} onChanged={onChanged} run={() => tipsApi.endSms(tip.id).then(() => undefined)}>
          <p className="usa-hint">{t('programs.tips.actions.endSmsHint')}</p>
        </Action>
      )}
      {can('tips:reward_propose') && tip.outcome?.code === 'arrest' && !tip.rewards.some((r) => r.status !== 'rejected') && (
        <Action id="reward" title={t('programs.tips.actions.proposeReward')} submitLabel={t('programs.tips.actions.propose')} onChanged={onChanged}
          run={() => tipsApi.proposeReward(tip.id, rewardReason, rewardAmount ? Math.round(Number(rewardAmount) * 100) : undefined).then(() => undefined)}>
          {field('reward-amount', t('programs.tips.actions.amount'), <input className="usa-input" id="reward-amount" type="number" min="1" step="1" value={rewardAmount} onChange={(e) => setRewardAmount(e.target.value)} />)}
          {field('reward-reason', t('programs.tips.actions.reason'), <textarea className="usa-textarea" id="reward-reason" required minLength={5} value={rewardReason} onChange={(e) => setRewardReason(e.target.value)} />)}
        </Action>
      )}
    </section>
  );
}
