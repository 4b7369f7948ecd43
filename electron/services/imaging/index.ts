// Public API of the imaging service: scans in, normalised greyscale page PNGs out, all in memory.
export { rasterizePdf, pdfPageCount, DEFAULT_MAX_PIXELS } from './pdf-raster';
export type { RasterOptions, RasterPage } from './pdf-raster';
export { decodeScan, decodeScanAll, decodeScanPixels, DEFAULT_MAX_PAGES } from './decode-scan';
export type { DecodeOptions, ScanPage, ScanPixels } from './decode-scan';
export { decodeBatch } from './batch';
export type { DecodeFileResult, ScanFile } from './batch';
export { sniffFormat } from './sniff';
export type { ScanFormat } from './sniff';
export { rotatePage, rotateBy, thumbnail } from './transform';
export type { QuarterTurn } from './transform';
export { deskewAngle } from './deskew';
export type { GreyPage, GreyRaw } from './normalise';
export { greyPng, MIN_DESKEW_DEGREES, turnedRaw, uprightPage, workingCopy, type Turn } from './upright';
export { burnMask, maskedPixelsClean } from './mask';
