import { rmSync } from 'node:fs';
import type { Queryable } from '../../db/types.js';
import { appendAudit, type AuditActor } from '../../core/audit/audit.js';
import { AppError, notFound } from '../../core/errors.js';
import { PUBLIC_ACTOR, type TipsContext } from './context.js';
import { addTimeline } from './timeline.js';
import { cleanUpload } from './uploads/clean.js';
import type { FileKind } from './uploads/sniff.js';
import { UploadStore } from './uploads/store.js';

export interface AttachmentView {
  id: number;
  kind: FileKind;
  mime: string;
  bytes: number;
}

/** Per tip, so one tipster (or one flood) cannot fill the disk through the follow-up page. */
export const MAX_FILES_PER_TIP = 25;

/** The store of a context's upload folder. */
export const uploadStore = (ctx: TipsContext) => new UploadStore(ctx.settings.uploadDir);

/**
 * Cleans and stores a file from the tipster (web follow-up or a text message's media) and records it on the
 * tip. The file is written before the transaction and removed again if the transaction fails.
 */
export async function addTipsterFile(ctx: TipsContext, tipId: number, raw: Buffer, actor: AuditActor = PUBLIC_ACTOR): Promise<AttachmentView> {
  const [count] = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM tip_attachments WHERE tip_id = $1', [tipId]);
  if (count.n >= MAX_FILES_PER_TIP) throw new AppError(409, 'too_many_files', `A tip can hold at most ${MAX_FILES_PER_TIP} files.`, { max: MAX_FILES_PER_TIP });
  const file = await cleanUpload(raw, ctx.settings);
  const store = uploadStore(ctx);
  const saved = store.save(file.bytes, file.extension);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [tip] = await tx.query<{ id: number }>('UPDATE tips SET last_tipster_at = now(), updated_at = now() WHERE id = $1 RETURNING id', [tipId]);
      if (!tip) throw notFound('Tip');
      const [row] = await tx.query<{ id: number }>(
        'INSERT INTO tip_attachments (tip_id, kind, mime, bytes, sha256, storage_key) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id',
        [tipId, file.kind, file.mime, file.bytes.length, saved.sha256, saved.storageKey]);
      await addTimeline(tx, { tipId, kind: 'attachment', author: 'tipster', data: { attachmentId: row.id, kind: file.kind }, visibleToTipster: true });
      await appendAudit(tx, { actor, action: 'tips.tipster_file', targetType: 'tip', targetId: tipId, outcome: 'success', details: { attachmentId: row.id, kind: file.kind, bytes: file.bytes.length } });
      return { id: row.id, kind: file.kind, mime: file.mime, bytes: file.bytes.length };
    });
  } catch (error) {
    rmSync(store.pathOf(saved.storageKey), { force: true });
    throw error;
  }
}

export async function listAttachments(q: Queryable, tipId: number): Promise<Array<AttachmentView & { createdAt: Date }>> {
  return q.query(
    'SELECT id, kind, mime, bytes, created_at AS "createdAt" FROM tip_attachments WHERE tip_id = $1 ORDER BY id', [tipId]);
}

/** A file's bytes for staff; the caller has checked access to the tip, and the read is audited here. */
export async function readAttachment(ctx: TipsContext, tipId: number, attachmentId: number, actor: AuditActor): Promise<{ mime: string; bytes: Buffer }> {
  const [row] = await ctx.db.query<{ mime: string; storage_key: string }>(
    'SELECT mime, storage_key FROM tip_attachments WHERE id = $1 AND tip_id = $2', [attachmentId, tipId]);
  if (!row) throw notFound(`File ${attachmentId}`);
  const bytes = uploadStore(ctx).read(row.storage_key);
  await ctx.db.transaction((tx) => appendAudit(tx, {
    actor, action: 'tips.file_read', targetType: 'tip', targetId: tipId, outcome: 'success', details: { attachmentId },
  }));
  return { mime: row.mime, bytes };
}
