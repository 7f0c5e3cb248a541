/**
 * Guesses whether a text message is Spanish or English from common short words, so the reply (the tip number)
 * comes back in the tipster's language. Ties and unknown text answer English with a Spanish line anyway.
 */
const SPANISH = new Set(['el', 'la', 'los', 'las', 'de', 'del', 'que', 'y', 'en', 'un', 'una', 'por', 'con', 'hay', 'está', 'esta', 'es', 'son', 'vende', 'venden', 'casa', 'calle', 'hombre', 'carro', 'pistola', 'droga', 'drogas', 'noche', 'ayer', 'hola', 'se', 'su', 'lo', 'al', 'muy', 'tiene', 'vi']);
const ENGLISH = new Set(['the', 'and', 'is', 'are', 'a', 'an', 'of', 'in', 'on', 'at', 'there', 'he', 'she', 'they', 'his', 'her', 'house', 'street', 'car', 'gun', 'drugs', 'selling', 'night', 'yesterday', 'hi', 'hello', 'with', 'saw', 'has', 'was']);

export function guessLanguage(text: string): 'en' | 'es' {
  let es = 0;
  let en = 0;
  for (const word of text.toLowerCase().normalize('NFC').split(/[^\p{L}]+/u)) {
    if (SPANISH.has(word)) es += 1;
    if (ENGLISH.has(word)) en += 1;
  }
  if (/[ñ¿¡]/.test(text)) es += 2;
  return es > en ? 'es' : 'en';
}

/** Twilio's standard opt-out words, and their Spanish equivalents. */
const STOP_WORDS = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT', 'PARAR', 'ALTO', 'BASTA', 'CANCELAR']);

export const isStopWord = (body: string) => STOP_WORDS.has(body.trim().toUpperCase().replace(/[.!¡]/g, ''));

export function smsReplies(language: 'en' | 'es') {
  return language === 'es'
    ? {
        opened: (n: string) => `Gracias. Su número de pista es ${n}. Responda a este número para agregar información. Nunca guardamos su número de teléfono. Envíe STOP para terminar.`,
        stopped: 'Terminó esta conversación y borramos el enlace con su teléfono. Su pista sigue con el departamento.',
      }
    : {
        opened: (n: string) => `Thank you. Your tip number is ${n}. Text this number to add information. We never keep your phone number. Text STOP to end.`,
        stopped: 'This conversation has ended and the link to your phone was deleted. Your tip stays with the department.',
      };
}
