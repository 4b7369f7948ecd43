/** Output types of the trash.* channels (issue #13 item 3). */
export type TrashKind = 'page' | 'letter';

export interface TrashItem {
  kind: TrashKind;
  id: string;
  caseId: string | null;
  caseNo: string | null;
  /** Pages: the page kind and its page number in the scanned file (never the file name). */
  pageKind: string | null;
  sourcePage: number | null;
  /** Letter drafts: the template and the draft's title. */
  template: string | null;
  title: string | null;
  /** Pages: the thumbnail as a data: URL. */
  thumbnail: string | null;
  /** False once restored (the answer of trash.restore). */
  trashed: boolean;
  trashedAt: string;
  trashedByName: string | null;
  /** The day it is purged for good (settings.trashDays after it was trashed). */
  purgeOn: string | null;
}
