// Public API of the forms service: the company's application form as PDF, blank and filled.
export { generateApplicationForm, type FormPdfOptions } from './application-form-pdf';
export { fillApplicationForm, type FormValues } from './fill-form';
export type { CompanyInfo } from './company';
