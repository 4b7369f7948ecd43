export { OcrPool } from './ocr-pool';
export type { OcrLang, OcrPoolOptions, OcrRectangle, OcrResult, OcrSymbol, OcrWord, Orientation, RecognizeOptions, ZoneParams } from './ocr-pool';
export { tessdataDir, tessdataFile, type TessLang } from './tessdata';
