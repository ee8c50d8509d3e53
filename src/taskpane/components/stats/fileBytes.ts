// A chosen file's bytes. Blob.arrayBuffer is missing in some older Office webviews (and in jsdom),
// where FileReader still works.

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** What the file inputs offer: .xlsx only (an .xls or a renamed file still gets a clear message). */
export const XLSX_ACCEPT = `.xlsx,${XLSX_MIME}`;

export function readFileBytes(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer().then((buffer) => new Uint8Array(buffer));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.readAsArrayBuffer(file);
  });
}
