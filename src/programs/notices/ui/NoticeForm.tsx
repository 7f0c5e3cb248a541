import { useState, type FormEvent } from 'react';
import { api } from '../../../web/api/client.js';
import { useI18n } from '../../../web/i18n/index.js';
import { useAsync } from '../../../web/hooks/useAsync.js';
import { ErrorAlert } from '../../../web/components/Alerts.js';
import { byAreaName } from '../../../web/console/areas/areaKinds.js';
import { NOTICE_KINDS, noticesApi, type Notice, type NoticeInput, type NoticeKind, type NoticeStatus } from './api.js';

/** datetime-local works in the browser's local time without a zone; the API wants an instant. */
const toInstant = (local: string) => (local ? new Date(local).toISOString() : undefined);
const toLocalInput = (iso: string | null) => {
  if (!iso) return '';
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

export interface NoticeFormProps {
  /** The notice being changed; absent for a new one. */
  notice?: Notice;
  onSaved(notice: Notice, status: NoticeStatus): void;
  onCancel?(): void;
}

/** Writes a notice in English and Spanish; residents see it in the language they chose. */
export function NoticeForm({ notice, onSaved, onCancel }: NoticeFormProps) {
  const { t } = useI18n();
  const [kind, setKind] = useState<NoticeKind>(notice?.kind ?? 'advisory');
  const [titleEn, setTitleEn] = useState(notice?.title.en ?? '');
  const [titleEs, setTitleEs] = useState(notice?.title.es ?? '');
  const [bodyEn, setBodyEn] = useState(notice?.body.en ?? '');
  const [bodyEs, setBodyEs] = useState(notice?.body.es ?? '');
  const [areaId, setAreaId] = useState(notice?.areaId ? String(notice.areaId) : '');
  const [publishAt, setPublishAt] = useState(toLocalInput(notice?.publishAt ?? null));
  const [expiresAt, setExpiresAt] = useState(toLocalInput(notice?.expiresAt ?? null));
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  // Choosing an area is optional: staff without incidents:read simply get no area list.
  const areas = useAsync(() => api.areas(), []);
  const id = notice ? `notice-${notice.id}` : 'notice-new';

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const status = (submitter?.value ?? 'draft') as NoticeStatus;
    const input: NoticeInput = {
      kind,
      title: { en: titleEn.trim(), es: titleEs.trim() },
      body: { en: bodyEn.trim(), es: bodyEs.trim() },
      areaId: areaId ? Number(areaId) : null,
      status,
      publishAt: toInstant(publishAt),
      expiresAt: toInstant(expiresAt) ?? null,
    };
    setBusy(true);
    setError(undefined);
    try {
      const saved = notice ? await noticesApi.update(notice.id, input) : await noticesApi.create(input);
      onSaved(saved, status);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  const field = (name: string) => `${id}-${name}`;
  return (
    <form className="usa-form usa-form--large bridges-notice-form" onSubmit={submit} data-testid={notice ? 'notice-edit-form' : 'notice-form'}>
      <ErrorAlert error={error} />
      <label className="usa-label" htmlFor={field('kind')}>{t('programs.notices.form.kind')}</label>
      <select className="usa-select" id={field('kind')} value={kind} onChange={(e) => setKind(e.target.value as NoticeKind)}>
        {NOTICE_KINDS.map((k) => <option key={k} value={k}>{t(`programs.notices.kinds.${k}`)}</option>)}
      </select>
      <label className="usa-label" htmlFor={field('title-en')}>{t('programs.notices.form.titleEn')}</label>
      <input className="usa-input" id={field('title-en')} lang="en" required maxLength={160} value={titleEn} onChange={(e) => setTitleEn(e.target.value)} />
      <label className="usa-label" htmlFor={field('title-es')}>{t('programs.notices.form.titleEs')}</label>
      <input className="usa-input" id={field('title-es')} lang="es" required maxLength={160} value={titleEs} onChange={(e) => setTitleEs(e.target.value)} />
      <label className="usa-label" htmlFor={field('body-en')}>{t('programs.notices.form.bodyEn')}</label>
      <textarea className="usa-textarea" id={field('body-en')} lang="en" required maxLength={4000} value={bodyEn} onChange={(e) => setBodyEn(e.target.value)} />
      <label className="usa-label" htmlFor={field('body-es')}>{t('programs.notices.form.bodyEs')}</label>
      <textarea className="usa-textarea" id={field('body-es')} lang="es" required maxLength={4000} value={bodyEs} onChange={(e) => setBodyEs(e.target.value)} />
      {areas.data && areas.data.features.length > 0 && (
        <>
          <label className="usa-label" htmlFor={field('area')}>{t('programs.notices.form.area')}</label>
          <select className="usa-select" id={field('area')} value={areaId} onChange={(e) => setAreaId(e.target.value)}>
            <option value="">{t('programs.notices.form.wholeCity')}</option>
            {areas.data.features.map((f) => f.properties).sort(byAreaName).map((area) => (
              <option key={area.id} value={area.id}>{area.name}</option>
            ))}
          </select>
        </>
      )}
      <label className="usa-label" htmlFor={field('publish-at')}>{t('programs.notices.form.publishAt')}</label>
      <span className="usa-hint" id={field('publish-at-hint')}>{t('programs.notices.form.publishAtHint')}</span>
      <input className="usa-input" type="datetime-local" id={field('publish-at')} aria-describedby={field('publish-at-hint')} value={publishAt} onChange={(e) => setPublishAt(e.target.value)} />
      <label className="usa-label" htmlFor={field('expires-at')}>{t('programs.notices.form.expiresAt')}</label>
      <span className="usa-hint" id={field('expires-at-hint')}>{t('programs.notices.form.expiresAtHint')}</span>
      <input className="usa-input" type="datetime-local" id={field('expires-at')} aria-describedby={field('expires-at-hint')} value={expiresAt} onChange={(e) => setExpiresAt(e.target.value)} />
      <div className="margin-top-3">
        <button className="usa-button" type="submit" name="status" value="published" disabled={busy}>{t('programs.notices.form.publish')}</button>
        <button className="usa-button usa-button--outline" type="submit" name="status" value="draft" disabled={busy}>{t('programs.notices.form.saveDraft')}</button>
        {onCancel && <button className="usa-button usa-button--unstyled" type="button" onClick={onCancel}>{t('common.cancel')}</button>}
      </div>
    </form>
  );
}
