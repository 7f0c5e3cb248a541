import { useState, type FormEvent } from 'react';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert } from '../../../web/components/Alerts.js';
import { eventsApi, type EventInput, type EventStatus, type StaffEvent } from './api.js';
import { instantToZonedInput, zonedInputToInstant } from './format.js';
import { useEventsI18n } from './i18n.js';

export interface EventFormProps {
  /** The agency's zone: staff type times as they are on the agency's clocks. */
  timeZone: string;
  event?: StaffEvent;
  onSaved(event: StaffEvent): void;
  onCancel?(): void;
}

const HOST_PROGRAMS = ['events', 'board', 'watch'];

/** Writes an event in English and Spanish: what, when (agency time), where, access, languages, capacity. */
export function EventForm({ timeZone, event, onSaved, onCancel }: EventFormProps) {
  const { e, t, pick } = useEventsI18n();
  const types = useAsync(() => eventsApi.staffTypes(), []);
  const id = event ? `event-${event.id}` : 'event-new';
  const f = (name: string) => `${id}-${name}`;
  const [v, setV] = useState({
    typeId: event ? String(event.typeId) : '', hostProgram: event?.hostProgram ?? 'events',
    titleEn: event?.title.en ?? '', titleEs: event?.title.es ?? '', descriptionEn: event?.description.en ?? '', descriptionEs: event?.description.es ?? '',
    startsAt: instantToZonedInput(event?.startsAt, timeZone), endsAt: instantToZonedInput(event?.endsAt, timeZone),
    placeName: event?.placeName ?? '', address: event?.address ?? '', accessEn: event?.accessibility.en ?? '', accessEs: event?.accessibility.es ?? '',
    languages: (event?.languages ?? ['en', 'es']).join(', '), capacity: event?.capacity ? String(event.capacity) : '', reminderHours: String(event?.reminderHours ?? 24),
  });
  const set = (key: keyof typeof v) => (ev: { target: { value: string } }) => setV({ ...v, [key]: ev.target.value });
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);

  const submit = async (formEvent: FormEvent<HTMLFormElement>) => {
    formEvent.preventDefault();
    const submitter = (formEvent.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const status = (submitter?.value || event?.status || 'draft') as EventStatus;
    const input: EventInput = {
      typeId: Number(v.typeId), hostProgram: v.hostProgram,
      title: { en: v.titleEn.trim(), es: v.titleEs.trim() }, description: { en: v.descriptionEn.trim(), es: v.descriptionEs.trim() },
      startsAt: v.startsAt ? zonedInputToInstant(v.startsAt, timeZone) : '', endsAt: v.endsAt ? zonedInputToInstant(v.endsAt, timeZone) : '',
      placeName: v.placeName.trim(), address: v.address.trim(), accessibility: { en: v.accessEn.trim(), es: v.accessEs.trim() },
      languages: v.languages.split(/[\s,]+/).filter(Boolean), capacity: v.capacity ? Number(v.capacity) : null,
      reminderHours: Number(v.reminderHours), status,
    };
    setBusy(true);
    setError(undefined);
    try {
      onSaved(event ? await eventsApi.update(event.id, input) : await eventsApi.create(input));
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };

  const text = (key: keyof typeof v, label: string, props: { lang?: string; required?: boolean; max?: number; area?: boolean; hint?: string } = {}) => (
    <>
      <label className="usa-label" htmlFor={f(key)}>{label}</label>
      {props.hint && <span className="usa-hint" id={f(`${key}-hint`)}>{props.hint}</span>}
      {props.area
        ? <textarea className="usa-textarea" id={f(key)} lang={props.lang} required={props.required} maxLength={props.max} value={v[key]} onChange={set(key)} aria-describedby={props.hint ? f(`${key}-hint`) : undefined} />
        : <input className="usa-input" id={f(key)} lang={props.lang} required={props.required} maxLength={props.max} value={v[key]} onChange={set(key)} aria-describedby={props.hint ? f(`${key}-hint`) : undefined} />}
    </>
  );

  return (
    <form className="usa-form usa-form--large bridges-events__form" onSubmit={submit} data-testid={event ? 'event-edit-form' : 'event-form'}>
      <ErrorAlert error={error} />
      <label className="usa-label" htmlFor={f('typeId')}>{e('form.type')}</label>
      <select className="usa-select" id={f('typeId')} required value={v.typeId} onChange={set('typeId')}>
        <option value="">{e('form.chooseType')}</option>
        {types.data?.map((type) => <option key={type.id} value={type.id}>{pick(type.name)}</option>)}
      </select>
      <label className="usa-label" htmlFor={f('hostProgram')}>{e('form.hostProgram')}</label>
      <span className="usa-hint" id={f('hostProgram-hint')}>{e('form.hostProgramHint')}</span>
      <select className="usa-select" id={f('hostProgram')} value={v.hostProgram} onChange={set('hostProgram')} aria-describedby={f('hostProgram-hint')}>
        {HOST_PROGRAMS.map((p) => <option key={p} value={p}>{e(`form.hosts.${p}`)}</option>)}
      </select>
      {text('titleEn', e('form.titleEn'), { lang: 'en', required: true, max: 160 })}
      {text('titleEs', e('form.titleEs'), { lang: 'es', required: true, max: 160 })}
      {text('descriptionEn', e('form.descriptionEn'), { lang: 'en', required: true, max: 4000, area: true })}
      {text('descriptionEs', e('form.descriptionEs'), { lang: 'es', required: true, max: 4000, area: true })}
      <label className="usa-label" htmlFor={f('startsAt')}>{e('form.startsAt')}</label>
      <span className="usa-hint" id={f('zone-hint')}>{e('form.zoneHint', { zone: timeZone })}</span>
      <input className="usa-input" type="datetime-local" id={f('startsAt')} required value={v.startsAt} onChange={set('startsAt')} aria-describedby={f('zone-hint')} />
      <label className="usa-label" htmlFor={f('endsAt')}>{e('form.endsAt')}</label>
      <input className="usa-input" type="datetime-local" id={f('endsAt')} required value={v.endsAt} onChange={set('endsAt')} aria-describedby={f('zone-hint')} />
      {text('placeName', e('form.placeName'), { required: true, max: 200 })}
      {text('address', e('form.address'), { max: 300 })}
      {text('accessEn', e('form.accessEn'), { lang: 'en', max: 1000, hint: e('form.accessHint') })}
      {text('accessEs', e('form.accessEs'), { lang: 'es', max: 1000 })}
      {text('languages', e('form.languages'), { max: 60, hint: e('form.languagesHint') })}
      <label className="usa-label" htmlFor={f('capacity')}>{e('form.capacity')} <span className="usa-hint">{t('common.optional')}</span></label>
      <span className="usa-hint" id={f('capacity-hint')}>{e('form.capacityHint')}</span>
      <input className="usa-input usa-input--small" type="number" min={1} id={f('capacity')} value={v.capacity} onChange={set('capacity')} aria-describedby={f('capacity-hint')} />
      <label className="usa-label" htmlFor={f('reminderHours')}>{e('form.reminderHours')}</label>
      <input className="usa-input usa-input--small" type="number" min={1} max={168} id={f('reminderHours')} value={v.reminderHours} onChange={set('reminderHours')} />
      <div className="margin-top-3">
        {event?.status !== 'cancelled' && (
          <button className="usa-button" type="submit" name="status" value="published" disabled={busy}>{e('form.publish')}</button>
        )}
        {(!event || event.status === 'draft') && (
          <button className="usa-button usa-button--outline" type="submit" name="status" value="draft" disabled={busy}>{e('form.saveDraft')}</button>
        )}
        {onCancel && <button className="usa-button usa-button--unstyled" type="button" onClick={onCancel}>{t('common.cancel')}</button>}
      </div>
    </form>
  );
}
