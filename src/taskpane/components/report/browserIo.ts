// Getting the report out of the pane without any network: the clipboard (with the old
// execCommand path where the Clipboard API is missing or refused, as in some Office webviews) and
// a download through a Blob and an object URL.

/** Copies text; resolves false when neither the Clipboard API nor execCommand could do it. */
export async function copyText(text: string): Promise<boolean> {
  if (typeof navigator !== 'undefined' && navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Refused (no permission, not focused): try the selection route below.
    }
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  try {
    return typeof document.execCommand === 'function' && document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Saves bytes as a file through a temporary object URL. */
export function downloadBytes(bytes: Uint8Array, fileName: string, mime: string): void {
  const blob = new Blob([bytes as BlobPart], { type: mime });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled so the download can start.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A file name Windows accepts: no \ / : * ? " < > |, at most 120 characters. */
export function safeFileName(name: string, untitled: string): string {
  const cleaned = name.replace(/[\\/:*?"<>|\r\n\t]+/g, ' ').trim();
  return (cleaned || untitled).slice(0, 120);
}
