import { Box, Modal, Skeleton, UnstyledButton } from '@mantine/core';
import { useMemo, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseField } from '@shared/contract';
import type { FormField } from '@shared/domain/application-form';
import type { PageImage } from './pageImages';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The part of the page to show for a field, in image pixels: the value's zone with a small
 * margin; for a tick box also the printed option text to its right (scaled from the form's
 * points by the box's own pixel size), so the crop says what was ticked.
 */
export function cropRect(field: FormField, zone: NonNullable<CaseField['zone']>, image: PageImage, value?: string): Rect {
  let r: Rect = { ...zone };
  // Form points to image pixels, from the zone's own size (the page is deskewed already).
  const k = field.zone.width > 0 ? zone.width / field.zone.width : 0;
  const toPx = (q: Rect): Rect => ({
    x: zone.x + (q.x - field.zone.x) * k,
    y: zone.y + (q.y - field.zone.y) * k,
    width: q.width * k,
    height: q.height * k,
  });
  const union = (a: Rect, b: Rect): Rect => {
    const x = Math.min(a.x, b.x);
    const y = Math.min(a.y, b.y);
    return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
  };
  if (k > 0 && field.kind === 'checkbox') r = union(zone, toPx(field.labelZone));
  // A choice row is long and thin: show the ticked option (box and printed text) only.
  const option = field.kind === 'choice' && value ? field.options?.find((o) => o.value === value) : undefined;
  if (k > 0 && option) r = union(toPx(option.zone), toPx(option.labelZone));
  const pad = Math.max(4, Math.round(Math.min(r.height, r.width) * 0.12));
  const x = Math.max(0, Math.floor(r.x - pad));
  const y = Math.max(0, Math.floor(r.y - pad));
  const width = Math.min(image.width - x, Math.ceil(r.width + 2 * pad));
  const height = Math.min(image.height - y, Math.ceil(r.height + 2 * pad));
  return { x, y, width: Math.max(1, width), height: Math.max(1, height) };
}

const INK = 110;

/**
 * Where the writing in a wide text zone ends: scanning columns from the right, the first
 * place with ink in two neighbouring columns (scanner specks are single pixels). The box's
 * own border lines are left out by looking only at the inner part of the zone.
 */
function inkRight(img: HTMLImageElement, zone: Rect): number | null {
  const insetX = Math.max(3, Math.round(zone.height * 0.12));
  const insetY = Math.max(2, Math.round(zone.height * 0.15));
  const w = Math.floor(zone.width - 2 * insetX);
  const h = Math.floor(zone.height - 2 * insetY);
  if (w < 8 || h < 4) return null;
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return null;
  ctx.drawImage(img, zone.x + insetX, zone.y + insetY, w, h, 0, 0, w, h);
  const { data } = ctx.getImageData(0, 0, w, h);
  const inked = (x: number) => {
    let n = 0;
    for (let y = 0; y < h; y++) {
      const i = (y * w + x) * 4;
      if (data[i]! + data[i + 1]! + data[i + 2]! < INK * 3 && ++n >= 2) return true;
    }
    return false;
  };
  for (let x = w - 2; x >= 0; x--) {
    if (inked(x) && inked(x + 1)) return zone.x + insetX + x + 1;
  }
  return zone.x + insetX;
}

/** A wide text zone cut down to its writing (never narrower than a few times its height). */
export function trimToInk(field: FormField, zone: Rect, image: PageImage): Rect {
  if ((field.kind !== 'text' && field.kind !== 'date') || !image.element) return zone;
  try {
    const right = inkRight(image.element, zone);
    if (right === null) return zone;
    const min = Math.min(zone.width, zone.height * 5);
    const width = Math.min(zone.width, Math.max(min, right - zone.x + zone.height * 0.5));
    return { ...zone, width };
  } catch {
    return zone;
  }
}

/** The page image as a background, positioned so that exactly `rect` fills the box (any width). */
export function cropStyle(image: PageImage, rect: Rect): CSSProperties {
  const px = image.width === rect.width ? 0 : (rect.x / (image.width - rect.width)) * 100;
  const py = image.height === rect.height ? 0 : (rect.y / (image.height - rect.height)) * 100;
  return {
    aspectRatio: `${rect.width} / ${rect.height}`,
    backgroundImage: `url("${image.url}")`,
    backgroundSize: `${(image.width / rect.width) * 100}% auto`,
    backgroundPosition: `${px}% ${py}%`,
    backgroundRepeat: 'no-repeat',
  };
}

interface Props {
  name: string;
  label: string;
  field: FormField;
  /** The current value: a choice shows the crop of the ticked option. */
  value?: string;
  zone: CaseField['zone'];
  image: PageImage | undefined;
  /** Loading the page image (a skeleton), as opposed to no source at all. */
  pending: boolean;
}

/** The handwriting or ticks the value was read from, beside the input; click to enlarge. */
export function FieldCrop({ name, label, field, value, zone, image, pending }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const trimmed = useMemo(() => (zone && image ? trimToInk(field, zone, image) : null), [field, zone, image]);
  if (!zone) return null;
  if (!image) return pending ? <Skeleton h={36} w="100%" maw={360} radius="sm" /> : null;
  // The zone was measured on the page as read; after a quarter turn it no longer fits.
  if (zone.x + zone.width > image.width + 2 || zone.y + zone.height > image.height + 2) return null;
  const rect = cropRect(field, trimmed ?? zone, image, value);
  const full = cropRect(field, zone, image);
  // At most ~64 px high and 420 px wide, never blown up beyond the scanned size.
  const maxWidth = Math.min(420, rect.width, Math.round(((field.multiline ? 96 : 64) * rect.width) / rect.height));
  return (
    <>
      <UnstyledButton
        data-testid={`field-crop-${name}`}
        className="kaiji-crop"
        onClick={() => setOpen(true)}
        aria-label={t('caseFile.fields.cropLabel', { field: label })}
        title={t('caseFile.fields.cropZoom')}
        style={{ ...cropStyle(image, rect), width: '100%', maxWidth }}
      />
      <Modal opened={open} onClose={() => setOpen(false)} title={label} size="xl" centered>
        <Box className="kaiji-crop" style={{ ...cropStyle(image, full), width: '100%', maxWidth: Math.max(full.width, 600) }} />
      </Modal>
    </>
  );
}
