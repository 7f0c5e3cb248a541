import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BASE32, checkCharacter, deriveTipKeys, issueAccessToken, newPassphrase, newTipNumber, openRelay, parseTipNumber, passphraseMac, phoneKey, readAccessToken, sealRelay } from './crypto.js';
import { passphraseStrength } from './strength.js';
import { twilioSignature, validTwilioSignature } from './sms/twilio-signature.js';
import { guessLanguage, isStopWord } from './sms/language.js';
import { sniffType } from './uploads/sniff.js';

const keys = deriveTipKeys(randomBytes(32));

describe('tip numbers', () => {
  it('carry about 50 random bits and a check character that catches every single-character typo', () => {
    const number = newTipNumber();
    expect(number).toMatch(/^T[0-9A-HJKMNP-TV-Z]{11}$/);
    for (let position = 1; position < 12; position += 1) {
      for (const replacement of BASE32) {
        if (replacement === number[position]) continue;
        const typo = number.slice(0, position) + replacement + number.slice(position + 1);
        expect(parseTipNumber(typo)).toEqual({ ok: false, reason: 'check' });
      }
    }
  });

  it('catch most swaps of neighbouring characters', () => {
    let caught = 0;
    let swaps = 0;
    for (let i = 0; i < 200; i += 1) {
      const number = newTipNumber();
      for (let p = 1; p < 11; p += 1) {
        if (number[p] === number[p + 1]) continue;
        swaps += 1;
        const swapped = number.slice(0, p) + number[p + 1] + number[p] + number.slice(p + 2);
        if (!parseTipNumber(swapped).ok) caught += 1;
      }
    }
    expect(caught / swaps).toBeGreaterThan(0.9);
  });

  it('are read the way people type them', () => {
    const body = 'AB0CD1EF2G';
    const number = `T${body}${checkCharacter(body)}`;
    expect(parseTipNumber(`t-abocd-iEF2g-${number[11].toLowerCase()}`)).toEqual({ ok: true, number });
    expect(parseTipNumber('T123')).toEqual({ ok: false, reason: 'format' });
  });
});

describe('passphrases', () => {
  it('are generated with 80 bits and checked with a keyed MAC bound to the tip number', () => {
    const passphrase = newPassphrase();
    expect(passphrase.replaceAll('-', '')).toHaveLength(16);
    const mac = passphraseMac(keys, 'T1', passphrase, 'generated');
    expect(passphraseMac(keys, 'T1', passphrase.toLowerCase().replaceAll('-', ' '), 'generated')).toBe(mac);
    expect(passphraseMac(keys, 'T2', passphrase, 'generated')).not.toBe(mac);
    expect(passphraseMac(deriveTipKeys(randomBytes(32)), 'T1', passphrase, 'generated')).not.toBe(mac);
  });

  it('when chosen, must be long, varied and uncommon', () => {
    expect(passphraseStrength('short one').problem).toBe('too_short');
    expect(passphraseStrength('aaaaaaaaaaaaaaaaaaaa').problem).toBe('too_few_distinct');
    expect(passphraseStrength('password123456').problem).toBe('too_common');
    expect(passphraseStrength('abcdefghijklmnop').problem).toBe('too_weak');
    expect(passphraseStrength('lowercaseonly').ok).toBe(false);
    expect(passphraseStrength('violet harbor tractor 91').ok).toBe(true);
    expect(passphraseStrength('mi perro come tamales los lunes').ok).toBe(true);
  });
});

describe('sealed values', () => {
  it('access tokens expire and cannot be forged or moved between purposes', () => {
    const { token } = issueAccessToken(keys, 42, 30, 1_000_000);
    expect(readAccessToken(keys, token, 1_000_000 + 29 * 60_000)).toBe(42);
    expect(readAccessToken(keys, token, 1_000_000 + 31 * 60_000)).toBeNull();
    expect(readAccessToken(deriveTipKeys(randomBytes(32)), token, 1_000_000)).toBeNull();
    const relay = sealRelay(keys, 'TAAAAAAAAAAA', '+1 215 555 0100');
    expect(openRelay(keys, 'TAAAAAAAAAAA', relay)).toBe('+12155550100');
    expect(() => openRelay(keys, 'TBBBBBBBBBBB', relay)).toThrow();
    expect(readAccessToken(keys, relay)).toBeNull();
  });

  it('phone keys thread one number however it is written, and reveal nothing without the server key', () => {
    expect(phoneKey(keys, '+1 (215) 555-0100')).toBe(phoneKey(keys, '+12155550100'));
    expect(phoneKey(keys, '+12155550100')).not.toContain('2155550100');
    expect(phoneKey(deriveTipKeys(randomBytes(32)), '+12155550100')).not.toBe(phoneKey(keys, '+12155550100'));
  });
});

describe('Twilio request signatures', () => {
  const params = { CallSid: 'CA1234567890ABCDE', Caller: '+12349013030', Digits: '1234', From: '+12349013030', To: '+18005551212' };
  const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';

  it("match the example in Twilio's security documentation", () => {
    expect(twilioSignature('12345', url, params)).toBe('0/KCTR6DLpKmkAf8muzZqo1nDgQ=');
  });

  it('fail for another token, URL, parameter or a missing header', () => {
    const signature = twilioSignature('12345', url, params);
    expect(validTwilioSignature('12345', url, params, signature)).toBe(true);
    expect(validTwilioSignature('54321', url, params, signature)).toBe(false);
    expect(validTwilioSignature('12345', `${url}&x=1`, params, signature)).toBe(false);
    expect(validTwilioSignature('12345', url, { ...params, Digits: '1235' }, signature)).toBe(false);
    expect(validTwilioSignature('12345', url, params, undefined)).toBe(false);
    expect(validTwilioSignature('12345', url, params, 'short')).toBe(false);
  });
});

describe('text messages and files', () => {
  it('guess the language and recognise opt-out words', () => {
    expect(guessLanguage('Hay un hombre que vende drogas en la esquina')).toBe('es');
    expect(guessLanguage('There is a man selling drugs on the corner')).toBe('en');
    expect(isStopWord(' stop ')).toBe(true);
    expect(isStopWord('Parar.')).toBe(true);
    expect(isStopWord('please stop him')).toBe(false);
  });

  it('tell file types by their bytes', () => {
    expect(sniffType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))?.mime).toBe('image/jpeg');
    expect(sniffType(Buffer.from('\x00\x00\x00\x18ftypqt  \x00\x00\x02\x00', 'latin1'))?.mime).toBe('video/quicktime');
    expect(sniffType(Buffer.from('\x00\x00\x00\x18ftypheic', 'latin1'))).toBeNull();
    expect(sniffType(Buffer.from('%PDF-1.7'))?.kind).toBe('document');
    expect(sniffType(Buffer.from('MZ\x90\x00\x03', 'latin1'))).toBeNull();
    expect(sniffType(Buffer.from([0xc3, 0x28]))).toBeNull();
  });
});
