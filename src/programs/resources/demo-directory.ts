/**
 * The demo directory: twenty services of the kinds a Philadelphia officer refers people to. Every listing is
 * marked "(demo)" and flagged is_demo. National lines carry their real, well-known numbers (988, 741741,
 * the domestic violence hotline); local listings use fictional 215-555-01xx numbers and example.org sites,
 * so a demo can never send someone in need to a wrong number.
 */
import type { ServiceInput } from './validation.js';

export interface DemoService extends Omit<ServiceInput, 'areaIds' | 'citywide' | 'active' | 'available24h' | 'confidentialLocation' | 'organisation'> {
  organisation?: string;
  /** Neighborhood names served; absent means the whole city. */
  neighborhoods?: string[];
  available24h?: boolean;
  confidentialLocation?: boolean;
}

const DEMO_NOTE = { en: ' Demonstration listing.', es: ' Ficha de demostración.' };
const local = (n: number) => `215-555-01${String(n).padStart(2, '0')}`;
const site = (slug: string) => `https://${slug}.example.org`;
const text = (en: string, es: string) => ({ en: en + DEMO_NOTE.en, es: es + DEMO_NOTE.es });
const always = { en: 'Open 24 hours, every day', es: 'Abierto las 24 horas, todos los días' };
const weekdays = { en: 'Monday to Friday, 9 am to 5 pm', es: 'De lunes a viernes, de 9 a 17 h' };

export const DEMO_SERVICES: DemoService[] = [
  { name: '988 Suicide & Crisis Lifeline (demo)', needs: ['crisis', 'mental_health'], languages: ['en', 'es'], phone: '988', textLine: '988',
    website: 'https://988lifeline.org', available24h: true, hours: always,
    description: text('Call or text 988 any time for free, confidential support in a mental-health or suicidal crisis.', 'Llame o envíe un texto al 988 en cualquier momento para recibir apoyo gratuito y confidencial en una crisis de salud mental o suicida.') },
  { name: 'Crisis Text Line (demo)', needs: ['crisis'], languages: ['en', 'es'], textLine: 'Text HOME to 741741', website: 'https://www.crisistextline.org',
    available24h: true, hours: always,
    description: text('Text with a trained crisis counselor, any time.', 'Converse por texto con un consejero de crisis capacitado, a cualquier hora.') },
  { name: 'National Domestic Violence Hotline (demo)', needs: ['domestic_violence', 'victim_services'], languages: ['en', 'es'],
    phone: '1-800-799-7233', website: 'https://www.thehotline.org', available24h: true, hours: always, confidentialLocation: true,
    description: text('Safety planning, shelter referrals and support for anyone experiencing abuse.', 'Planes de seguridad, derivación a refugios y apoyo para cualquier persona que sufra abuso.') },
  { name: 'Philadelphia Mobile Crisis Team (demo)', organisation: 'Behavioral health department (demo)', needs: ['crisis', 'cit', 'mental_health'],
    languages: ['en', 'es', 'vi', 'km', 'zh'], phone: local(1), website: site('mobile-crisis'), available24h: true, hours: always,
    description: text('Clinicians come to the person in crisis, alone or alongside CIT-trained officers. Interpreters by phone in any language.', 'Profesionales clínicos acuden a la persona en crisis, solos o junto a oficiales capacitados en CIT. Intérpretes por teléfono en cualquier idioma.') },
  { name: 'Crisis Response Center, North (demo)', organisation: 'Hospital partner (demo)', needs: ['crisis', 'cit', 'substance_use'], languages: ['en', 'es'],
    phone: local(2), website: site('crc-north'), address: '3300 Henry Ave, Philadelphia, PA', lon: -75.1851, lat: 40.0082, available24h: true, hours: always,
    description: text('Walk-in psychiatric emergency center and drop-off point for CIT officers.', 'Centro de emergencias psiquiátricas sin cita y punto de entrega para oficiales CIT.') },
  { name: 'CIT Partner: Peer Recovery Drop-in (demo)', organisation: 'Recovery community organisation (demo)', needs: ['cit', 'substance_use', 'mental_health'],
    languages: ['en', 'es'], phone: local(3), website: site('peer-recovery'), address: '3000 Kensington Ave, Philadelphia, PA', lon: -75.1233, lat: 39.9946,
    neighborhoods: ['Upper Kensington', 'Lower Kensington'], hours: weekdays,
    description: text('Peer specialists who meet people officers bring in, and connect them to treatment the same day.', 'Especialistas de pares que reciben a las personas que traen los oficiales y las conectan con tratamiento el mismo día.') },
  { name: 'Victim Services Unit (demo)', organisation: 'Police department (demo)', needs: ['victim_services'], languages: ['en', 'es', 'vi', 'km'],
    phone: local(4), website: site('victim-services'), hours: weekdays,
    description: text('Help after a crime: explaining the case, court accompaniment and victims compensation claims.', 'Ayuda después de un delito: explicación del caso, acompañamiento al tribunal y solicitudes de compensación para víctimas.') },
  { name: 'Homicide survivors support group (demo)', organisation: 'Families of victims network (demo)', needs: ['victim_services', 'mental_health'], languages: ['en', 'es'],
    phone: local(5), website: site('survivors'), address: '4500 N Broad St, Philadelphia, PA', lon: -75.1473, lat: 40.0221, hours: { en: 'Tuesdays 6 pm to 8 pm', es: 'Martes de 18 a 20 h' },
    description: text('Mothers and families who lost someone to violence support each other and advocate together.', 'Madres y familias que perdieron a alguien por la violencia se apoyan y abogan juntas.') },
  { name: 'Domestic violence legal advocates (demo)', organisation: 'Family court partner (demo)', needs: ['domestic_violence', 'legal'], languages: ['en', 'es', 'ar'],
    phone: local(6), website: site('dv-legal'), hours: weekdays, confidentialLocation: true,
    description: text('Help filing for a protection-from-abuse order and going to the hearing.', 'Ayuda para solicitar una orden de protección contra el abuso y asistir a la audiencia.') },
  { name: 'Southeast Asian family services (demo)', organisation: 'Mutual assistance coalition (demo)', needs: ['victim_services', 'youth', 'seniors', 'legal'],
    languages: ['en', 'vi', 'km', 'lo', 'id'], phone: local(7), website: site('seasian-services'), address: '1711 S Broad St, Philadelphia, PA', lon: -75.1693, lat: 39.9285,
    neighborhoods: ['South Broad-Girard Estates', 'Snyder-Whitman', 'Southwark-Bella Vista'], hours: weekdays,
    description: text('Case management, interpreting and youth programs for Vietnamese, Cambodian, Lao and Indonesian families.', 'Gestión de casos, interpretación y programas juveniles para familias vietnamitas, camboyanas, laosianas e indonesias.') },
  { name: 'Latino community center (demo)', organisation: 'Community development partner (demo)', needs: ['youth', 'housing', 'domestic_violence', 'food'],
    languages: ['en', 'es'], phone: local(8), website: site('centro-latino'), address: '216 W Somerset St, Philadelphia, PA', lon: -75.1355, lat: 39.9925,
    neighborhoods: ['Hunting Park-Fairhill', 'Upper Kensington'], hours: weekdays,
    description: text('Bilingual family services: housing counseling, a food pantry, youth mentoring and domestic violence support.', 'Servicios bilingües para familias: asesoría de vivienda, banco de alimentos, mentoría juvenil y apoyo por violencia doméstica.') },
  { name: 'Police Athletic League center (demo)', organisation: 'Police Athletic League (demo)', needs: ['youth'], languages: ['en', 'es'],
    phone: local(9), website: site('pal-center'), address: '3030 N 7th St, Philadelphia, PA', lon: -75.1411, lat: 39.9983, hours: { en: 'Weekdays 2:30 pm to 8 pm', es: 'Días laborables de 14:30 a 20 h' },
    description: text('After-school sports, homework help and trips with officers as coaches, free for ages 6 to 18.', 'Deportes después de clases, ayuda con las tareas y excursiones con oficiales como entrenadores, gratis de 6 a 18 años.') },
  { name: 'Summer jobs for teens (demo)', organisation: 'Workforce partner (demo)', needs: ['youth', 'reentry'], languages: ['en', 'es', 'zh'],
    phone: local(10), website: site('teen-jobs'), hours: weekdays,
    description: text('Paid summer work and job training for residents aged 14 to 24.', 'Trabajo pagado de verano y capacitación laboral para residentes de 14 a 24 años.') },
  { name: 'Homeless outreach hotline (demo)', organisation: 'Office of homeless services (demo)', needs: ['housing', 'crisis'], languages: ['en', 'es'],
    phone: local(11), website: site('homeless-outreach'), available24h: true, hours: always,
    description: text('Outreach teams find people living outside and offer a shelter bed, any time of day or night.', 'Equipos de calle encuentran a las personas que viven a la intemperie y les ofrecen una cama en un albergue, a cualquier hora.') },
  { name: 'Family shelter intake (demo)', organisation: 'Office of homeless services (demo)', needs: ['housing'], languages: ['en', 'es', 'ht'],
    phone: local(12), website: site('shelter-intake'), address: '1430 Cherry St, Philadelphia, PA', lon: -75.1634, lat: 39.9556, hours: weekdays,
    description: text('Emergency housing intake for families with children.', 'Admisión a vivienda de emergencia para familias con niños.') },
  { name: 'Re-entry services office (demo)', organisation: 'Office of reintegration services (demo)', needs: ['reentry', 'housing', 'legal'], languages: ['en', 'es'],
    phone: local(13), website: site('reentry'), address: '990 Spring Garden St, Philadelphia, PA', lon: -75.1544, lat: 39.9612, hours: weekdays,
    description: text('Jobs, ID documents, housing and record-clearing help for people coming home from jail or prison.', 'Empleo, documentos de identidad, vivienda y ayuda para limpiar antecedentes para personas que salen de la cárcel o prisión.') },
  { name: 'Record clearing clinic (demo)', organisation: 'Legal aid partner (demo)', needs: ['reentry', 'legal'], languages: ['en', 'es', 'vi', 'zh', 'ru'],
    phone: local(14), website: site('record-clearing'), hours: { en: 'Second Saturday of the month', es: 'Segundo sábado de cada mes' },
    description: text('Free lawyers help expunge or seal criminal records.', 'Abogados gratuitos ayudan a borrar o sellar antecedentes penales.') },
  { name: 'Neighborhood food pantry network (demo)', organisation: 'Food bank partner (demo)', needs: ['food', 'seniors'], languages: ['en', 'es', 'zh', 'vi'],
    phone: local(15), website: site('food-pantry'), hours: weekdays,
    description: text('Find the nearest free food pantry or a home delivery for older adults.', 'Encuentre la despensa gratuita más cercana o una entrega a domicilio para personas mayores.') },
  { name: 'Senior legal and scam help (demo)', organisation: 'Senior law partner (demo)', needs: ['seniors', 'legal', 'victim_services'], languages: ['en', 'es', 'ru'],
    phone: local(16), website: site('senior-law'), hours: weekdays,
    description: text('Free legal help for people 60 and older, including after a scam or elder abuse.', 'Ayuda legal gratuita para personas de 60 años o más, también después de una estafa o maltrato.') },
  { name: 'Violence interrupters (demo)', organisation: 'Community violence intervention partner (demo)', needs: ['victim_services', 'youth', 'reentry'],
    languages: ['en', 'es'], phone: local(17), website: site('violence-interrupters'),
    neighborhoods: ['Strawberry Mansion', 'Nicetown-Tioga', 'Hunting Park-Fairhill', 'Cobbs Creek', 'Paschall-Kingsessing'], hours: weekdays,
    description: text('Credible messengers who defuse disputes before they turn into shootings, and mentor young people at risk.', 'Mensajeros creíbles que calman conflictos antes de que terminen en tiroteos y acompañan a jóvenes en riesgo.') },
];
