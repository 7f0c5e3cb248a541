/** Choosing photos, video or documents to send; the server checks type by content and removes metadata. */
import { useI18n } from '../../../web/i18n/index.js';
import type { PublicOptions } from './api.js';

const ACCEPT = 'image/jpeg,image/png,image/gif,image/webp,video/mp4,video/quicktime,video/3gpp,application/pdf,text/plain';

const kindOf = (file: File): keyof PublicOptions['maxBytes'] =>
  file.type.startsWith('image/') ? 'image' : file.type.startsWith('video/') ? 'video' : 'document';

/** Checked here only to answer at once; the server enforces the same limits. */
export const tooLarge = (file: File, maxBytes: PublicOptions['maxBytes']) => file.size > maxBytes[kindOf(file)];

export interface FilePickerProps {
  id: string;
  files: File[];
  onChange(files: File[]): void;
  maxBytes: PublicOptions['maxBytes'];
}

export function FilePicker({ id, files, onChange, maxBytes }: FilePickerProps) {
  const { t } = useI18n();
  const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));
  return (
    <div className="margin-top-3">
      <label className="usa-label" htmlFor={id}>{t('programs.tips.files.label')}</label>
      <span className="usa-hint" id={`${id}-hint`}>
        {t('programs.tips.files.hint', { image: mb(maxBytes.image), video: mb(maxBytes.video), document: mb(maxBytes.document) })}
      </span>
      <input className="usa-file-input bridges-file-input" id={id} type="file" multiple accept={ACCEPT} aria-describedby={`${id}-hint`}
        onChange={(e) => onChange([...(e.target.files ?? [])])} />
      {files.length > 0 && (
        <ul className="usa-list bridges-tips__files">
          {files.map((file) => (
            <li key={`${file.name}-${file.size}`}>
              {file.name} {tooLarge(file, maxBytes) && <strong>— {t('programs.tips.files.overLimit')}</strong>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
