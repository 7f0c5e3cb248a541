/** What the watch program sends residents, in the language they used: decisions on requests and staff alerts. */
import type { Senders } from '../../core/messaging/index.js';
import type { DecisionOutcome } from './requests.js';

type Lang = 'en' | 'es';

const DECISIONS: Record<Lang, Record<'join' | 'start' | 'decline', { subject: string; body: string }>> = {
  en: {
    join: { subject: 'Welcome to {group}', body: 'Your request was approved: you are now a member of {group}. The group and the department will send you its alerts and meeting news.' },
    start: { subject: 'Your watch group: {group}', body: 'Thank you for starting a group. You are the captain of {group}; a community officer will contact you to plan the first meeting.' },
    decline: { subject: 'Your neighborhood watch request', body: 'Thank you for your request. We could not approve it this time.' },
  },
  es: {
    join: { subject: 'Bienvenido a {group}', body: 'Su solicitud fue aprobada: ahora es miembro de {group}. El grupo y el departamento le enviarán sus alertas y noticias de las reuniones.' },
    start: { subject: 'Su grupo de vigilancia: {group}', body: 'Gracias por iniciar un grupo. Usted es el capitán de {group}; un oficial comunitario le contactará para planear la primera reunión.' },
    decline: { subject: 'Su solicitud de vigilancia vecinal', body: 'Gracias por su solicitud. Esta vez no pudimos aprobarla.' },
  },
};

const FOOTER: Record<Lang, string> = {
  en: 'Group page: {url}\nTo leave the group, open the private link you received when you asked to join.',
  es: 'Página del grupo: {url}\nPara dejar el grupo, abra el enlace privado que recibió cuando pidió unirse.',
};

const fill = (template: string, vars: Record<string, string>) => template.replace(/\{(\w+)\}/g, (whole, key: string) => vars[key] ?? whole);

/** Tells the person what staff decided; silent when the request carried no contact (it always does today). */
export async function notifyDecision(senders: Senders, publicUrl: string, notify: DecisionOutcome['notify']): Promise<void> {
  const kind = notify.decision === 'decline' ? 'decline' : notify.kind;
  const template = DECISIONS[notify.locale][kind];
  const vars = { group: notify.groupName ?? '', url: notify.groupId ? `${publicUrl}/watch/${notify.groupId}` : `${publicUrl}/watch` };
  const subject = fill(template.subject, vars);
  const text = [fill(template.body, vars), note(notify, vars)].filter(Boolean).join('\n\n');
  if (notify.email) await senders.email.send({ to: notify.email, subject, text, source: 'watch' });
  else if (notify.phone) await senders.sms.send({ to: notify.phone, body: `${subject}. ${fill(template.body, vars)}`, source: 'watch' });
}

const note = (notify: DecisionOutcome['notify'], vars: Record<string, string>) => (notify.decision === 'approve' ? fill(FOOTER[notify.locale], vars) : '');

/** An alert's e-mail and text, with the group page and how to leave; text messages are kept short. */
export function alertMessage(lang: Lang, subject: string, body: string, groupName: string, url: string): { subject: string; text: string; sms: string } {
  return {
    subject: `${groupName}: ${subject}`,
    text: `${body}\n\n${fill(FOOTER[lang], { url })}`,
    sms: `${groupName}: ${subject}. ${body}`.slice(0, 600),
  };
}
