/**
 * The e-mails and text messages of the events program, in the language the person used to RSVP. Dates are
 * written in the agency's time zone, which is where the event happens.
 */

export type MessageKind = 'confirmed' | 'waitlisted' | 'promoted' | 'reminder' | 'cancelled' | 'followup';
type Lang = 'en' | 'es';

export interface MessageFacts {
  title: string;
  startsAt: Date;
  timeZone: string;
  place: string;
  eventUrl: string;
  /** Only in the confirmation: the private cancel link is known only while the RSVP is being made. */
  cancelUrl?: string;
  surveyUrl?: string;
  position?: number | null;
}

const SUBJECTS: Record<Lang, Record<MessageKind, string>> = {
  en: {
    confirmed: 'You are registered: {title}', waitlisted: 'You are on the wait list: {title}', promoted: 'A place opened up for you: {title}',
    reminder: 'Reminder: {title}, {when}', cancelled: 'Cancelled: {title}', followup: 'Thank you for coming: {title}',
  },
  es: {
    confirmed: 'Está inscrito: {title}', waitlisted: 'Está en la lista de espera: {title}', promoted: 'Se liberó un lugar para usted: {title}',
    reminder: 'Recordatorio: {title}, {when}', cancelled: 'Cancelado: {title}', followup: 'Gracias por venir: {title}',
  },
};

const LEADS: Record<Lang, Record<MessageKind, string>> = {
  en: {
    confirmed: 'Your place is reserved.',
    waitlisted: 'The event is full, so you are number {position} on the wait list. If a place opens up, you move up automatically and we will tell you.',
    promoted: 'Someone cancelled, and you now have a confirmed place.',
    reminder: 'This is a reminder of the event you signed up for.',
    cancelled: 'We are sorry: this event was cancelled. You do not need to do anything.',
    followup: 'Thank you for coming. Tell us how it went in a short anonymous survey (one question and an optional comment):',
  },
  es: {
    confirmed: 'Su lugar está reservado.',
    waitlisted: 'El evento está lleno, así que usted es el número {position} en la lista de espera. Si se libera un lugar, avanzará automáticamente y le avisaremos.',
    promoted: 'Alguien canceló y ahora usted tiene un lugar confirmado.',
    reminder: 'Le recordamos el evento al que se inscribió.',
    cancelled: 'Lo sentimos: este evento se canceló. No tiene que hacer nada.',
    followup: 'Gracias por venir. Cuéntenos cómo le fue en una breve encuesta anónima (una pregunta y un comentario opcional):',
  },
};

const LINES: Record<Lang, { when: string; where: string; details: string; cancel: string; cantCome: string }> = {
  en: {
    when: 'When', where: 'Where', details: 'Details', cancel: 'Cannot come? Cancel here so someone on the wait list gets your place (keep this link private)',
    cantCome: 'Cannot come? Please use the cancel link from your confirmation so someone on the wait list gets your place.',
  },
  es: {
    when: 'Cuándo', where: 'Dónde', details: 'Detalles', cancel: '¿No puede venir? Cancele aquí para que alguien en la lista de espera tome su lugar (no comparta este enlace)',
    cantCome: '¿No puede venir? Use el enlace para cancelar de su confirmación, así alguien en la lista de espera tomará su lugar.',
  },
};

const fill = (template: string, vars: Record<string, string>) => template.replace(/\{(\w+)\}/g, (whole, key: string) => vars[key] ?? whole);

export function formatWhen(date: Date, timeZone: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'es' ? 'es-US' : 'en-US', { dateStyle: 'full', timeStyle: 'short', timeZone }).format(date);
}

export interface RenderedMessage { subject: string; text: string; sms: string }

/** The e-mail (subject and body) and the shorter text message for one notification. */
export function renderMessage(kind: MessageKind, lang: Lang, facts: MessageFacts): RenderedMessage {
  const when = formatWhen(facts.startsAt, facts.timeZone, lang);
  const vars = { title: facts.title, when, position: String(facts.position ?? '') };
  const labels = LINES[lang];
  const subject = fill(SUBJECTS[lang][kind], vars);
  const lead = fill(LEADS[lang][kind], vars);
  const body = [lead, '', `${labels.when}: ${when}`, `${labels.where}: ${facts.place}`, `${labels.details}: ${facts.eventUrl}`];
  if (kind === 'followup' && facts.surveyUrl) body.splice(1, 0, facts.surveyUrl);
  if (facts.cancelUrl) body.push('', `${labels.cancel}: ${facts.cancelUrl}`);
  if (kind === 'reminder' || kind === 'promoted') body.push('', labels.cantCome);
  const smsLink = kind === 'followup' && facts.surveyUrl ? facts.surveyUrl : facts.cancelUrl ?? facts.eventUrl;
  return { subject, text: body.join('\n'), sms: `${subject}. ${kind === 'reminder' || kind === 'confirmed' ? `${when}, ${facts.place}. ` : ''}${smsLink}` };
}
