/** Scans the import accepts, as the picker's `accept` and for dropped files. */
export const SCAN_ACCEPT = '.jpg,.jpeg,.png,.tif,.tiff,.pdf';
const SCAN_EXT = /\.(jpe?g|png|tiff?|pdf)$/i;

export const isScanFile = (file: File) => SCAN_EXT.test(file.name);

/**
 * A file's bytes as base64, without building a huge argument list (20 MB scans would
 * overflow the stack with String.fromCharCode(...bytes)): the browser encodes natively.
 */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

/** Base64 characters per request: the web host takes 64 MB bodies, the contract 60 M per file. */
export const MAX_FILE_BASE64 = 60_000_000;
export const MAX_BATCH_BASE64 = 40_000_000;

/** Groups files so that one request stays below the host's body limit (a big file goes alone). */
export function batches<T extends { data: string }>(files: T[], limit = MAX_BATCH_BASE64): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const f of files) {
    if (current.length > 0 && (size + f.data.length > limit || current.length >= 50)) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(f);
    size += f.data.length;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** Bytes the services sent as base64, as a Blob the browser can show or save. */
export function base64Blob(dataBase64: string, type: string): Blob {
  const bin = atob(dataBase64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type });
}

/**
 * Saves a file the services made in memory (letters, forms, exports) through the browser's
 * download (Electron: its save dialog). Kaiji itself never writes these files to disk.
 */
export function downloadFile(file: { fileName: string; dataBase64: string; mimeType?: string }): void {
  const url = URL.createObjectURL(base64Blob(file.dataBase64, file.mimeType ?? 'application/pdf'));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
