import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/testing.js';
import { createSenders, loadMessagingConfig, MessageSendError, readOutbox, SmtpEmailSender } from './index.js';

let db: TestDatabase;
beforeAll(async () => { db = await createTestDatabase(); });
afterAll(async () => { await db.drop(); });

const listen = async (server: HttpServer | TcpServer): Promise<number> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
};

/** The smallest SMTP server nodemailer will talk to: it records the envelope and the DATA section. */
function fakeSmtpServer(received: Array<{ from: string; to: string[]; data: string }>): TcpServer {
  return createTcpServer((socket) => {
    let mail = { from: '', to: [] as string[], data: '' };
    let inData = false;
    let buffer = '';
    socket.write('220 test ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let end: number;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            received.push(mail);
            mail = { from: '', to: [], data: '' };
            socket.write('250 OK queued\r\n');
          } else mail.data += `${line}\n`;
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250 test\r\n');
        else if (verb === 'MAIL') { mail.from = line; socket.write('250 OK\r\n'); }
        else if (verb === 'RCPT') { mail.to.push(line); socket.write('250 OK\r\n'); }
        else if (verb === 'DATA') { inData = true; socket.write('354 go ahead\r\n'); }
        else if (verb === 'QUIT') { socket.end('221 bye\r\n'); }
        else socket.write('250 OK\r\n');
      }
    });
  });
}

describe('core messaging', () => {
  it('keeps e-mail and text messages in the outbox when nothing is configured', async () => {
    const config = loadMessagingConfig({});
    expect(config.smtpUrl).toBeUndefined();
    expect(config.twilio).toBeUndefined();
    const senders = createSenders(config, db);
    expect(senders.email.kind).toBe('outbox');
    expect(senders.sms.kind).toBe('outbox');
    const receipt = await senders.email.send({ to: 'ana@example.org', subject: 'Reminder', text: 'See you tomorrow', source: 'test-outbox' });
    expect(receipt.id).toMatch(/^outbox:\d+$/);
    await senders.sms.send({ to: '+12155550100', body: 'Meeting at 6 pm', source: 'test-outbox' });
    const outbox = await readOutbox(db, 'test-outbox');
    expect(outbox.map((m) => [m.channel, m.recipient, m.subject, m.body])).toEqual([
      ['email', 'ana@example.org', 'Reminder', 'See you tomorrow'],
      ['sms', '+12155550100', null, 'Meeting at 6 pm'],
    ]);
  });

  it('writes to the outbox inside a transaction, so a rolled-back change sends nothing', async () => {
    const senders = (tx: Parameters<Parameters<TestDatabase['transaction']>[0]>[0]) => createSenders(loadMessagingConfig({}), tx);
    await expect(db.transaction(async (tx) => {
      await senders(tx).email.send({ to: 'x@example.org', subject: 's', text: 't', source: 'test-rollback' });
      throw new Error('change failed');
    })).rejects.toThrow('change failed');
    expect(await readOutbox(db, 'test-rollback')).toEqual([]);
  });

  it('sends through Twilio’s REST shape when the three Twilio settings are present', async () => {
    const requests: Array<{ url: string; auth: string; body: URLSearchParams }> = [];
    const server = createHttpServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        requests.push({ url: req.url ?? '', auth: req.headers.authorization ?? '', body: new URLSearchParams(body) });
        const failing = new URLSearchParams(body).get('To') === '+10000000000';
        res.writeHead(failing ? 400 : 201, { 'content-type': 'application/json' });
        res.end(JSON.stringify(failing ? { code: 21211, message: 'The To number +10000000000 is not valid' } : { sid: 'SM123' }));
      });
    });
    const port = await listen(server);
    try {
      const config = loadMessagingConfig({ TWILIO_ACCOUNT_SID: 'AC42', TWILIO_AUTH_TOKEN: 'secret', TWILIO_FROM_NUMBER: '+12155550199', TWILIO_API_BASE: `http://127.0.0.1:${port}/` });
      const { sms } = createSenders(config, db);
      expect(sms.kind).toBe('twilio');
      expect(await sms.send({ to: '+12155550100', body: 'Alert: meeting moved', source: 'test' })).toEqual({ id: 'SM123' });
      expect(requests[0].url).toBe('/2010-04-01/Accounts/AC42/Messages.json');
      expect(requests[0].auth).toBe(`Basic ${Buffer.from('AC42:secret').toString('base64')}`);
      expect(Object.fromEntries(requests[0].body)).toEqual({ To: '+12155550100', From: '+12155550199', Body: 'Alert: meeting moved' });
      // A refusal names the provider code, never the number the provider quoted.
      const refusal = await sms.send({ to: '+10000000000', body: 'x', source: 'test' }).catch((e: unknown) => e);
      expect(refusal).toBeInstanceOf(MessageSendError);
      expect((refusal as Error).message).toContain('21211');
      expect((refusal as Error).message).not.toContain('+10000000000');
    } finally {
      server.close();
    }
  });

  it('sends e-mail over SMTP with nodemailer when BRIDGES_SMTP_URL is set', async () => {
    const received: Array<{ from: string; to: string[]; data: string }> = [];
    const server = fakeSmtpServer(received);
    const port = await listen(server);
    try {
      const config = loadMessagingConfig({ BRIDGES_SMTP_URL: `smtp://127.0.0.1:${port}`, BRIDGES_EMAIL_FROM: 'Bridges <events@city.example>' });
      const { email } = createSenders(config, db);
      expect(email.kind).toBe('smtp');
      await email.send({ to: 'ana@example.org', subject: 'Recordatorio: Café con un policía', text: 'Nos vemos mañana.', source: 'test' });
      expect(received).toHaveLength(1);
      expect(received[0].from).toContain('events@city.example');
      expect(received[0].to[0]).toContain('ana@example.org');
      expect(received[0].data).toMatch(/^Subject: /m);
      (email as SmtpEmailSender).close();
    } finally {
      server.close();
    }
  });

  it('refuses an SMTP URL of another scheme, naming the variable', () => {
    expect(() => loadMessagingConfig({ BRIDGES_SMTP_URL: 'http://mail' })).toThrow('BRIDGES_SMTP_URL');
  });
});
