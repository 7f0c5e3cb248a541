import { useEffect, useState, type FormEvent } from 'react';
import { useI18n } from '../../../web/i18n/index.js';
import { ErrorAlert } from '../../../web/components/Alerts.js';
import { walksApi, type CanvassArea, type TeamMember, type WalkDetail } from './api.js';

const ROLES = ['cso', 'chaplain', 'officer', 'volunteer', 'partner', 'other'];

const toLocalInput = (iso: string | null) => {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

/** Planning a walk: when, where the team meets, what is canvassed, what to say (EN/ES), and who walks. */
export function PlanForm({ walk, onSaved }: { walk: WalkDetail; onSaved(walk: WalkDetail): void }) {
  const { t } = useI18n();
  const k = (key: string, vars?: Record<string, string | number>) => t(`programs.walks.plan.${key}`, vars);
  const [when, setWhen] = useState(toLocalInput(walk.scheduledFor));
  const [meetingPoint, setMeetingPoint] = useState(walk.meetingPoint ?? '');
  const [radius, setRadius] = useState(String(walk.radiusM));
  const [areaId, setAreaId] = useState(walk.canvassAreaId ? String(walk.canvassAreaId) : '');
  const [areas, setAreas] = useState<CanvassArea[]>([]);
  const [pointsEn, setPointsEn] = useState((walk.talkingPoints?.en ?? []).join('\n'));
  const [pointsEs, setPointsEs] = useState((walk.talkingPoints?.es ?? []).join('\n'));
  const [team, setTeam] = useState<TeamMember[]>(walk.team.length ? walk.team : [{ name: '', role: 'cso' }]);
  // Without the list (no areas yet, or the request failed) the circle is the only choice; nothing else breaks.
  useEffect(() => { walksApi.areas().then(setAreas, () => setAreas([])); }, []);
  const kinds = [...new Set(areas.map((a) => a.kind))];
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);

  const change = (i: number, patch: Partial<TeamMember>) => setTeam((list) => list.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onSaved(await walksApi.plan(walk.id, {
        scheduledFor: when ? new Date(when).toISOString() : null, meetingPoint: meetingPoint.trim() || null, radiusM: Number(radius),
        canvassAreaId: areaId ? Number(areaId) : null,
        // Both lists empty: the packet's standard points in each language.
        talkingPoints: lines(pointsEn).length || lines(pointsEs).length ? { en: lines(pointsEn), es: lines(pointsEs) } : null,
        team: team.filter((m) => m.name.trim()).map((m) => ({ userId: m.userId ?? null, name: m.name.trim(), role: m.role, organisation: m.organisation?.trim() || null })),
      }));
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="usa-form usa-form--large" onSubmit={submit} data-testid="plan-form">
      <ErrorAlert error={error} />
      <label className="usa-label" htmlFor="plan-when">{k('when')}</label>
      <input className="usa-input" type="datetime-local" id="plan-when" value={when} onChange={(e) => setWhen(e.target.value)} />
      <label className="usa-label" htmlFor="plan-meeting">{k('meetingPoint')}</label>
      <input className="usa-input" id="plan-meeting" maxLength={200} value={meetingPoint} onChange={(e) => setMeetingPoint(e.target.value)} />
      <label className="usa-label" htmlFor="plan-radius">{k('radius')}</label>
      <input className="usa-input usa-input--small" type="number" id="plan-radius" min={50} max={3000} step={50} value={radius} onChange={(e) => setRadius(e.target.value)} />
      <label className="usa-label" htmlFor="plan-area">{k('area')}</label>
      <div className="usa-hint" id="plan-area-hint">{k('areaHint')}</div>
      <select className="usa-select" id="plan-area" aria-describedby="plan-area-hint" value={areaId} onChange={(e) => setAreaId(e.target.value)}>
        <option value="">{k('areaCircle', { radius })}</option>
        {kinds.map((kind) => (
          <optgroup key={kind} label={t(`programs.walks.areaKinds.${kind}`)}>
            {areas.filter((a) => a.kind === kind).map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </optgroup>
        ))}
      </select>
      <fieldset className="usa-fieldset margin-top-3">
        <legend className="usa-legend">{k('talkingPoints')}</legend>
        <div className="usa-hint" id="plan-points-hint">{k('talkingPointsHint')}</div>
        <label className="usa-label" htmlFor="plan-points-en">{k('pointsEn')}</label>
        <textarea className="usa-textarea" id="plan-points-en" aria-describedby="plan-points-hint" rows={4} value={pointsEn} onChange={(e) => setPointsEn(e.target.value)} />
        <label className="usa-label" htmlFor="plan-points-es">{k('pointsEs')}</label>
        <textarea className="usa-textarea" id="plan-points-es" lang="es" aria-describedby="plan-points-hint" rows={4} value={pointsEs} onChange={(e) => setPointsEs(e.target.value)} />
      </fieldset>
      <fieldset className="usa-fieldset margin-top-3">
        <legend className="usa-legend usa-legend--large">{k('team')}</legend>
        {team.map((m, i) => (
          <div className="bridges-walk-team-row" key={i} data-testid="team-row">
            <div>
              <label className="usa-label" htmlFor={`team-name-${i}`}>{k('name', { n: i + 1 })}</label>
              <input className="usa-input" id={`team-name-${i}`} maxLength={120} value={m.name} onChange={(e) => change(i, { name: e.target.value })} />
            </div>
            <div>
              <label className="usa-label" htmlFor={`team-role-${i}`}>{k('role', { n: i + 1 })}</label>
              <select className="usa-select" id={`team-role-${i}`} value={m.role} onChange={(e) => change(i, { role: e.target.value })}>
                {ROLES.map((r) => <option key={r} value={r}>{t(`programs.walks.roles.${r}`)}</option>)}
              </select>
            </div>
            <div>
              <label className="usa-label" htmlFor={`team-org-${i}`}>{k('organisation', { n: i + 1 })}</label>
              <input className="usa-input" id={`team-org-${i}`} maxLength={120} value={m.organisation ?? ''} onChange={(e) => change(i, { organisation: e.target.value })} />
            </div>
          </div>
        ))}
        <button type="button" className="usa-button usa-button--outline margin-top-1" onClick={() => setTeam((list) => [...list, { name: '', role: 'volunteer' }])}>{k('addMember')}</button>
      </fieldset>
      <button type="submit" className="usa-button margin-top-3" disabled={busy}>{k('save')}</button>
    </form>
  );
}
