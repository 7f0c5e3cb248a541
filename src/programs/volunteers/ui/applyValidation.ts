/**
 * The application form's own checks, in the reader's language, before anything is sent: the same rules the
 * server enforces (it stays the authority), so residents rarely meet the server's English field messages.
 */
import { MINOR_BANDS, type AgeBand, type ApplicationInput, type VolunteerProgram } from './api.js';

export interface ApplyFields {
  programId: string; givenName: string; familyName: string; ageBand: string; email: string; phone: string;
  preferredContact: 'email' | 'phone' | 'text'; language: string; motivation: string; contactConsent: boolean;
  guardianName: string; guardianContact: string; guardianConsent: boolean; website: string;
}

export type FieldErrors = Partial<Record<keyof ApplyFields, string>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ().-]{7,20}$/;

export const isMinorBand = (band: string): boolean => (MINOR_BANDS as readonly string[]).includes(band);

/** Message keys (under programs.volunteers.apply.errors) by field; empty when the form can be sent. */
export function validateApplication(f: ApplyFields, program: VolunteerProgram | undefined): FieldErrors {
  const errors: FieldErrors = {};
  if (!program) errors.programId = 'program';
  if (!f.givenName.trim()) errors.givenName = 'givenName';
  if (!f.familyName.trim()) errors.familyName = 'familyName';
  if (!f.ageBand) errors.ageBand = 'ageBand';
  else if (program && !program.ageBands.includes(f.ageBand as AgeBand)) errors.ageBand = 'ageBandProgram';
  if (f.email.trim() && !EMAIL.test(f.email.trim())) errors.email = 'emailFormat';
  if (f.phone.trim() && !PHONE.test(f.phone.trim())) errors.phone = 'phoneFormat';
  if (f.preferredContact === 'email' && !f.email.trim()) errors.email = 'emailNeeded';
  if (f.preferredContact !== 'email' && !f.phone.trim()) errors.phone = 'phoneNeeded';
  if (!f.contactConsent) errors.contactConsent = 'contactConsent';
  if (isMinorBand(f.ageBand)) {
    if (!f.guardianName.trim()) errors.guardianName = 'guardianName';
    if (f.guardianContact.trim().length < 5) errors.guardianContact = 'guardianContact';
    if (!f.guardianConsent) errors.guardianConsent = 'guardianConsent';
  }
  return errors;
}

/** The request body: trimmed, optional fields left out, a guardian only for a minor. */
export function toApplication(f: ApplyFields): ApplicationInput {
  const minor = isMinorBand(f.ageBand);
  return {
    programId: Number(f.programId), givenName: f.givenName.trim(), familyName: f.familyName.trim(),
    email: f.email.trim() || undefined, phone: f.phone.trim() || undefined, preferredContact: f.preferredContact,
    language: f.language, ageBand: f.ageBand as AgeBand, motivation: f.motivation.trim() || undefined, contactConsent: f.contactConsent,
    guardian: minor ? { name: f.guardianName.trim(), contact: f.guardianContact.trim(), consent: f.guardianConsent } : undefined,
    website: f.website || undefined,
  };
}
