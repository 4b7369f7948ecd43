import { useEffect, useRef, useState } from 'react';
import { kaiji } from '../../../api';
import { base64Blob } from '../../../ui/files';

export interface PageImage {
  /** A blob: URL (short, so CSS backgrounds do not copy megabytes of base64). */
  url: string;
  width: number;
  height: number;
  /** The decoded image, for measuring where the ink is (crops trimmed to the writing). */
  element?: HTMLImageElement;
}

function dataUrlToBlobUrl(dataUrl: string): string {
  const comma = dataUrl.indexOf(',');
  const mime = /^data:([^;,]+)/.exec(dataUrl)?.[1] ?? 'image/png';
  return URL.createObjectURL(base64Blob(dataUrl.slice(comma + 1), mime));
}

/** Fetches each page image once (`pages.image`), keeps it as a blob URL, frees it on unmount. */
export function usePageImages(ids: readonly string[]): Record<string, PageImage> {
  const [images, setImages] = useState<Record<string, PageImage>>({});
  const requested = useRef(new Map<string, string>());
  const key = [...new Set(ids)].sort().join(',');

  const mounted = useRef(true);

  useEffect(() => {
    for (const id of key ? key.split(',') : []) {
      if (requested.current.has(id)) continue;
      requested.current.set(id, '');
      void kaiji.pages.image({ id }).then((result) => {
        if (!result.ok) {
          requested.current.delete(id);
          return;
        }
        const url = dataUrlToBlobUrl(result.value.dataUrl);
        requested.current.set(id, url);
        const element = new Image();
        element.src = url;
        void element
          .decode()
          .catch(() => undefined)
          .then(() => {
            if (!mounted.current) {
              URL.revokeObjectURL(url);
              return;
            }
            const ok = element.naturalWidth > 0;
            setImages((prev) => ({ ...prev, [id]: { url, width: result.value.width, height: result.value.height, ...(ok ? { element } : {}) } }));
          });
      });
    }
  }, [key]);

  useEffect(() => {
    const map = requested.current;
    mounted.current = true;
    return () => {
      mounted.current = false;
      for (const url of map.values()) if (url) URL.revokeObjectURL(url);
      map.clear();
    };
  }, []);

  return images;
}

/** Forget an image (after a rotation the stored pixels changed). */
export async function loadPageImage(id: string): Promise<PageImage | null> {
  const result = await kaiji.pages.image({ id });
  if (!result.ok) return null;
  return { url: dataUrlToBlobUrl(result.value.dataUrl), width: result.value.width, height: result.value.height };
}
