import type { LetterSection } from './types';

/** What a template writes; composeLetter adds the shared frame (greeting, 記, 敬具, 以上). */
export interface TemplateText {
  title: string;
  body: string[];
  sections: LetterSection[];
  notes: string[];
}
