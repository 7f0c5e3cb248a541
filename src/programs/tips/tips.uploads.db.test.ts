import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import exifr from 'exifr';
import sharp from 'sharp';
import { createTestDatabase, type TestDatabase } from '../../db/testing.js';
import { insertAgency, insertStaff, type TestStaff } from '../../testing/fixtures.js';
import { CAMERA, bearer, photoWithMetadata, sendTip, tipsTestApp } from './testing.js';
import type { ConfigWithTips } from './settings.js';
import { MAX_FILES_PER_TIP } from './attachments.js';

let db: TestDatabase;
let app: FastifyInstance;
let config: ConfigWithTips;
let handler: TestStaff;
let token: string;
let tipId: number;

beforeAll(async () => {
  db = await createTestDatabase();
  handler = await insertStaff(db, await insertAgency(db), ['tips:read']);
  ({ app, config } = await tipsTestApp(db, { tips: { maxBytes: { document: 4096 } } }));
  const receipt = await sendTip(app);
  token = receipt.accessToken;
  tipId = (await db.query<{ id: number }>('SELECT id FROM tips WHERE number = $1', [receipt.tipNumber]))[0].id;
});
afterAll(async () => { await app.close(); await db.drop(); });

const upload = (bytes: Buffer) => app.inject({
  method: 'POST', url: '/api/programs/tips/public/tip/files', headers: { ...bearer(token), 'content-type': 'application/octet-stream' }, payload: bytes,
});
const storedPath = async (attachmentId: number) => {
  const [row] = await db.query<{ storage_key: string }>('SELECT storage_key FROM tip_attachments WHERE id = $1', [attachmentId]);
  return join(config.dataDir, 'uploads', 'tips', row.storage_key);
};

/** A tiny ISO media file: ftyp, moov (mvhd with a creation time, udta with a GPS position and the phone model), mdat. */
function videoWithMetadata(): Buffer {
  const box = (type: string, ...parts: Buffer[]) => {
    const body = Buffer.concat(parts);
    const header = Buffer.alloc(8);
    header.writeUInt32BE(body.length + 8);
    header.write(type, 4, 'latin1');
    return Buffer.concat([header, body]);
  };
  const mvhd = Buffer.alloc(100);
  mvhd.writeUInt32BE(3_800_000_000, 4); // creation time
  mvhd.writeUInt32BE(3_800_000_001, 8); // modification time
  const gps = box('\xa9xyz', Buffer.from('\x00\x12\x15\xc7+39.9526-075.1652/', 'latin1'));
  const model = box('\xa9mod', Buffer.from(`\x00\x0b\x15\xc7${CAMERA.model}`, 'latin1'));
  return Buffer.concat([
    box('ftyp', Buffer.from('isom\x00\x00\x02\x00isomiso2mp41', 'latin1')),
    box('moov', box('mvhd', mvhd), box('trak', box('tkhd', Buffer.alloc(84))), box('udta', gps, model)),
    box('mdat', Buffer.alloc(256, 7)),
  ]);
}

function pdfWithMetadata(): Buffer {
  return Buffer.from([
    '%PDF-1.4', '1 0 obj << /Type /Catalog /Pages 2 0 R /Metadata 4 0 R >> endobj', '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj',
    `3 0 obj << /Author (Jane Q. Tipster) /Producer (Scanner ${CAMERA.serial}) /Title <FEFF004A0061006E0065> /CreationDate (D:20240101120000) >> endobj`,
    `4 0 obj << /Type /Metadata /Subtype /XML /Length 120 >> stream`,
    `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta><dc:creator>Jane Q. Tipster</dc:creator></x:xmpmeta><?xpacket end="w"?>`,
    'endstream endobj', 'trailer << /Root 1 0 R /Info 3 0 R >>', '%%EOF',
  ].join('\n'), 'latin1');
}

describe('files from tipsters', () => {
  it('lose every piece of image metadata (GPS, camera, serial numbers) before they are stored', async () => {
    const original = await photoWithMetadata();
    expect((await exifr.gps(original))?.latitude).toBeCloseTo(39.95, 1);
    const response = await upload(original);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ kind: 'image', mime: 'image/jpeg' });
    const path = await storedPath(response.json().id);
    const stored = readFileSync(path);
    expect(await exifr.parse(stored, true)).toBeUndefined();
    const metadata = await sharp(stored).metadata();
    expect([metadata.exif, metadata.xmp, metadata.iptc, metadata.icc]).toEqual([undefined, undefined, undefined, undefined]);
    expect(metadata.width).toBe(64);
    const text = stored.toString('latin1');
    for (const value of [CAMERA.serial, CAMERA.make, CAMERA.model, CAMERA.software, 'Exif']) expect(text).not.toContain(value);
  });

  it('are stored outside the web root, under the data folder, readable by the server only, under a random name', async () => {
    const response = await upload(await photoWithMetadata());
    const path = await storedPath(response.json().id);
    expect(path.startsWith(join(config.dataDir, 'uploads'))).toBe(true);
    expect(path).not.toContain(join('dist', 'web'));
    expect(statSync(path).mode & 0o077).toBe(0);
    expect(readdirSync(join(path, '..')).every((name) => /^[0-9a-f]{32}\.\w+$/.test(name))).toBe(true);
  });

  it('lose the metadata boxes of a video without breaking its structure', async () => {
    const original = videoWithMetadata();
    const response = await upload(original);
    expect(response.json()).toMatchObject({ kind: 'video', mime: 'video/mp4' });
    const stored = readFileSync(await storedPath(response.json().id));
    expect(stored.length).toBe(original.length);
    const text = stored.toString('latin1');
    expect(text).not.toContain('+39.9526');
    expect(text).not.toContain(CAMERA.model);
    expect(text).toContain('free');
    expect(stored.readUInt32BE(text.indexOf('mvhd') + 8)).toBe(0);
    expect(stored.subarray(text.indexOf('mdat') + 4)).toEqual(original.subarray(original.toString('latin1').indexOf('mdat') + 4));
  });

  it('lose the document information and XMP of a PDF, keeping every byte offset', async () => {
    const original = pdfWithMetadata();
    const response = await upload(original);
    expect(response.json()).toMatchObject({ kind: 'document', mime: 'application/pdf' });
    const stored = readFileSync(await storedPath(response.json().id));
    expect(stored.length).toBe(original.length);
    const text = stored.toString('latin1');
    expect(text.startsWith('%PDF-1.4')).toBe(true);
    for (const value of ['Jane Q. Tipster', CAMERA.serial, '004A0061', '20240101']) expect(text).not.toContain(value);
    expect(text).toContain('/Root 1 0 R');
  });

  it('are judged by content, not by what they claim to be, and are size-limited', async () => {
    const html = await upload(Buffer.from('<html><script>alert(1)</script></html>\u0000'));
    expect(html.statusCode).toBe(415);
    const exe = await upload(Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(64)]));
    expect(exe.statusCode).toBe(415);
    const brokenPng = await upload(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]));
    expect(brokenPng.json().error.code).toBe('unreadable_file');
    const big = await upload(Buffer.from('x'.repeat(5000)));
    expect(big.statusCode).toBe(413);
    const text = await upload(Buffer.from('Plate number seen: ABC-1234, dark green pickup.'));
    expect(text.json()).toMatchObject({ kind: 'document', mime: 'text/plain' });
    expect((await app.inject({ method: 'POST', url: '/api/programs/tips/public/tip/files', headers: { 'content-type': 'application/octet-stream' }, payload: Buffer.from('hi there') })).statusCode).toBe(401);
  });

  it('are capped per tip, so a flood through the follow-up page cannot fill the disk', async () => {
    const receipt = await sendTip(app);
    const [tip] = await db.query<{ id: number }>('SELECT id FROM tips WHERE number = $1', [receipt.tipNumber]);
    await db.query(
      `INSERT INTO tip_attachments (tip_id, kind, mime, bytes, sha256, storage_key)
       SELECT $1, 'document', 'text/plain', 1, 'x', '2000-01/' || md5(g::text) || '.txt' FROM generate_series(1, $2::int) g`, [tip.id, MAX_FILES_PER_TIP]);
    const refused = await app.inject({
      method: 'POST', url: '/api/programs/tips/public/tip/files', headers: { ...bearer(receipt.accessToken), 'content-type': 'application/octet-stream' }, payload: Buffer.from('one more file'),
    });
    expect(refused.statusCode).toBe(409);
  });

  it('are given to staff as attachments, and every download is audited', async () => {
    const response = await upload(await photoWithMetadata());
    const id = response.json().id as number;
    const download = await app.inject({ method: 'GET', url: `/api/programs/tips/tips/${tipId}/files/${id}`, headers: { cookie: handler.cookie } });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toBe('attachment');
    expect(download.rawPayload).toEqual(readFileSync(await storedPath(id)));
    const audit = await db.query("SELECT 1 FROM audit_log WHERE action = 'tips.file_read' AND actor_user_id = $1", [handler.userId]);
    expect(audit).toHaveLength(1);
  });
});
