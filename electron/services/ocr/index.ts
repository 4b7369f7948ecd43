export { OcrPool } from './ocr-pool';
export type { OcrLang, OcrPoolOptions, OcrRectangle, OcrResult, OcrWord, Orientation, RecognizeOptions } from './ocr-pool';
export { tessdataDir, tessdataFile, type TessLang } from './tessdata';
