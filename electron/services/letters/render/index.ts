export { renderLetter, type LetterRenderInput, type RenderedPdf } from './render-letter';
export { renderAddressLabels, labelOrigin, LABEL_SHEET, type LabelRecipient, type LabelOptions } from './labels';
export {
  ADDRESS_BLOCK,
  NAGA3_WINDOW_ENVELOPE,
  SHEET_IN_ENVELOPE,
  WINDOW_ON_SHEET,
  WINDOW_SAFE_AREA,
  QR_ZONE,
  MM,
  PAGE,
  sheetPositions,
  windowOnSheetMm,
  windowSafeAreaMm,
} from './geometry';
