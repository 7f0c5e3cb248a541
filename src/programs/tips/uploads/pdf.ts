/**
 * Blanks the metadata of a PDF in place: the document information entries (/Author, /Creator, /Producer,
 * /Title, /Subject, /Keywords, dates) and every XMP packet have their contents replaced by spaces of the same
 * length, so the cross-reference offsets stay valid and the file still opens. This covers metadata written in
 * the clear, which is where office programs and scanners put it; entries inside compressed object streams are
 * not reached, which is why staff are told documents are cleaned "as far as possible" (see README).
 */

const INFO_KEYS = ['Author', 'Creator', 'Producer', 'Title', 'Subject', 'Keywords', 'CreationDate', 'ModDate', 'Company', 'SourceModified'];

/** Index just past the end of a PDF literal string starting at `open` (which is '('), honouring escapes and nesting. */
function literalEnd(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    const c = text[i];
    if (c === '\\') i += 1;
    else if (c === '(') depth += 1;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return text.length;
}

function blank(bytes: Buffer, from: number, to: number, fill = 0x20): void {
  if (to > from) bytes.fill(fill, from, to);
}

export function cleanPdf(input: Buffer): { bytes: Buffer; blanked: number } {
  const bytes = Buffer.from(input);
  // latin1 maps each byte to one character, so string indexes are byte offsets.
  const text = bytes.toString('latin1');
  let blanked = 0;
  const keys = new RegExp(`/(${INFO_KEYS.join('|')})\\s*([(<])`, 'g');
  for (let match = keys.exec(text); match; match = keys.exec(text)) {
    const open = match.index + match[0].length - 1;
    if (match[2] === '(') {
      const end = literalEnd(text, open);
      blank(bytes, open + 1, end - 1);
    } else if (text[open + 1] !== '<') {
      const end = text.indexOf('>', open);
      // A hex string of zeros: still a valid (empty-looking) value.
      if (end > open) blank(bytes, open + 1, end, 0x30);
    }
    blanked += 1;
  }
  const packets = /<\?xpacket begin=[^>]*\?>([\s\S]*?)<\?xpacket end=[^>]*\?>/g;
  for (let match = packets.exec(text); match; match = packets.exec(text)) {
    const start = match.index + match[0].indexOf(match[1]);
    blank(bytes, start, start + match[1].length);
    blanked += 1;
  }
  return { bytes, blanked };
}
