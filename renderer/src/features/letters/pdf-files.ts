/** Printing letter PDFs: the Electron print bridge when present, the browser otherwise. */
import { base64Blob, downloadFile } from '../../ui/files';

declare global {
  interface Window {
    /** Electron preload: prints a PDF through the system print dialog (absent in web mode). */
    kaijiPrint?: { printPdf(dataBase64: string): Promise<{ ok: boolean }> };
  }
}

/**
 * Electron: the system print dialog (main process, electron/main/print.ts). Web mode: the PDF
 * opens in a new tab where the browser's own viewer prints it; a blocked pop-up downloads it.
 */
export async function printPdf(file: { fileName: string; dataBase64: string }): Promise<'dialog' | 'tab' | 'download'> {
  if (window.kaijiPrint) {
    // Cancelling the dialog is the user's choice, not a failure to fall back from.
    await window.kaijiPrint.printPdf(file.dataBase64);
    return 'dialog';
  }
  const url = URL.createObjectURL(base64Blob(file.dataBase64, 'application/pdf'));
  // Not 'noopener': with it window.open always returns null and a blocked pop-up goes unnoticed.
  const tab = window.open(url, '_blank');
  setTimeout(() => URL.revokeObjectURL(url), 300_000);
  if (tab !== null) {
    tab.opener = null;
    return 'tab';
  }
  downloadFile(file);
  return 'download';
}
